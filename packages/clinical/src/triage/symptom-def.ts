import type { SymptomDef } from './triage.types.ts';

/** A compact constructor for the symptom tables. */
export const symptom = (
  id: string,
  nameZh: string,
  nameEn: string,
  synonymsZh: string[],
  synonymsEn: string[],
  departments: Record<string, number>,
  baseUrgency: SymptomDef['baseUrgency'] = 'routine',
): SymptomDef => ({ id, nameZh, nameEn, synonymsZh, synonymsEn, departments, baseUrgency });
