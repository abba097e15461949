import type { DrugInteraction } from './medication.types.ts';
import { STATIN_ANTITHROMBOTIC_RAS } from './interactions/antithrombotic-statins.ts';
import { CARDIAC_QT } from './interactions/cardiac-qt.ts';
import { METABOLIC_CNS_CHELATION } from './interactions/metabolic-cns-chelation.ts';

// The main known interactions among the formulary's drugs (see interactions/build.ts for the conventions).
export const INTERACTIONS: readonly DrugInteraction[] = Object.freeze([
  ...STATIN_ANTITHROMBOTIC_RAS,
  ...CARDIAC_QT,
  ...METABOLIC_CNS_CHELATION,
]);
