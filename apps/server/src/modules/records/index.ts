// The records module's public API (the personal health record): its routes, and the observation writer that the
// checkups import and device ingest call. Other modules import only this file.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { EntriesService } from './entries/entries.service.ts';
import { entriesRoutes } from './entries/entries.routes.ts';
import { ObservationsService } from './observations/observations.service.ts';
import { observationsRoutes } from './observations/observations.routes.ts';
import { TimelineService } from './timeline/timeline.service.ts';
import { timelineRoutes } from './timeline/timeline.routes.ts';
import { SummaryService } from './summary/summary.service.ts';
import { summaryRoutes } from './summary/summary.routes.ts';
import { LifestyleService } from './lifestyle/lifestyle.service.ts';
import { lifestyleRoutes } from './lifestyle/lifestyle.routes.ts';
import { codesRoutes } from './codes/codes.routes.ts';
import { DocumentsService } from './documents/documents.service.ts';
import { documentsRoutes } from './documents/documents.routes.ts';
import { ExportService } from './export/export.service.ts';
import { exportRoutes } from './export/export.routes.ts';

export {
  storeObservations,
  storeObservationsMany,
  type NewObservation,
  type StoredObservation,
} from './observations/observations.store.ts';
export { loadPatientFactsMany } from './patient-facts.ts';
export { storeEncounter, type NewEncounter } from './encounters.store.ts';
export { storeMedicationStatements, type NewMedicationStatement } from './medications.store.ts';
export { requireIcd10 } from './codes/icd10-table.ts';
export { createEntry } from './entries/entries.service.ts';
export { ALLERGIES } from './entries/entry-kinds.ts';
export { executableKind, sniffDocument } from './documents/file-sniff.ts';
export type { PatientFacts } from './observations/observation-rules.ts';

export function recordsRoutes(deps: AppDeps) {
  const entries = new EntriesService(deps);
  const observations = new ObservationsService(deps);
  const timeline = new TimelineService(deps);
  const summary = new SummaryService(deps);
  const lifestyle = new LifestyleService(deps);
  const documents = new DocumentsService(deps);
  const exports = new ExportService(deps);
  return async function routes(app: FastifyInstance) {
    await app.register(entriesRoutes(entries));
    await app.register(observationsRoutes(observations));
    await app.register(timelineRoutes(timeline));
    await app.register(summaryRoutes(summary));
    await app.register(lifestyleRoutes(lifestyle));
    await app.register(codesRoutes());
    await app.register(documentsRoutes(documents));
    await app.register(exportRoutes(exports));
  };
}
