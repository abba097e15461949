import type { CsvReadingsResult, ReadingRejection, ReadingType } from '@careloop/contracts';
import type { AppDeps } from '../../../platform/deps.ts';
import type { RequestContext } from '../../../platform/auth/actor.ts';
import type { Language } from '../../../platform/http/language.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { requirePatientAccess } from '../../../platform/access/patient-access.ts';
import { ingestReadings, type IngestResult } from '../readings/ingest.ts';
import { toBatchResult } from '../readings/readings.service.ts';
import type { RaisedAlert } from '../alerts/raise-alerts.ts';
import { readCsvReadings } from './csv-readings.ts';

/** Rows per ingest call (and transaction), as for a device's batch. */
const BATCH = 1000;
/** Ingest names reading fields; a CSV's reader knows its columns. */
const COLUMN_OF: Readonly<Record<string, string>> = { takenAt: 'taken_at' };

/** Readings from a CSV file: each row checked on its own; the good rows are stored whatever the bad ones hold. */
export class CsvReadingsService {
  constructor(private readonly deps: AppDeps) {}

  /** `read` reads the upload; it is called once the caller may edit the patient's record. */
  async importCsv(
    ctx: RequestContext,
    patientId: string,
    read: () => Promise<Uint8Array>,
    language: Language,
  ): Promise<CsvReadingsResult> {
    const access = await requirePatientAccess(this.deps.db, ctx.actor, patientId, 'edit');
    const bytes = await read();
    const parsed = readCsvReadings(bytes);
    if (!parsed.ok) throw new AppError('MONITORING_CSV_INVALID', { errors: parsed.errors });
    const { rows, readings } = parsed.value;
    const rejected: ReadingRejection[] = [...parsed.value.rejected];
    const total: IngestResult = {
      received: rows,
      stored: 0,
      duplicates: 0,
      rejected,
      alerts: [],
      storedByType: {},
    };
    const alerts = new Map<string, RaisedAlert>();
    for (let start = 0; start < readings.length; start += BATCH) {
      const batch = readings.slice(start, start + BATCH);
      const result = await ingestReadings(this.deps, {
        orgId: access.orgId,
        patientId,
        deviceId: null,
        source: 'import',
        scope: 'csv',
        recordedBy: ctx.actor.accountId,
        readings: batch.map((row) => row.input),
        ctx,
      });
      total.stored += result.stored;
      total.duplicates += result.duplicates;
      for (const [type, count] of Object.entries(result.storedByType) as [ReadingType, number][]) {
        total.storedByType[type] = (total.storedByType[type] ?? 0) + count;
      }
      for (const r of result.rejected) {
        const field = r.field === null ? null : (COLUMN_OF[r.field] ?? r.field);
        rejected.push({ ...r, index: batch[r.index]?.index ?? r.index, field });
      }
      for (const alert of result.alerts) alerts.set(alert.id, alert);
    }
    rejected.sort((a, b) => a.index - b.index);
    total.alerts = [...alerts.values()];
    return { ...toBatchResult(total, language), rows };
  }
}
