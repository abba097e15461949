import type { PatientRecordSummary } from '@careloop/contracts';
import type { AppDeps } from '../../../platform/deps.ts';
import type { RequestContext } from '../../../platform/auth/actor.ts';
import { requirePatientAccess } from '../../../platform/access/patient-access.ts';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import type { Language } from '../../../platform/http/language.ts';
import { ALLERGIES, CONDITIONS, MEDICATIONS } from '../entries/entry-kinds.ts';
import { entriesRepository } from '../entries/entries.repository.ts';
import { toEntry } from '../entries/entries.service.ts';
import { lifestyleRepository } from '../lifestyle/lifestyle.repository.ts';
import { toLifestyle } from '../lifestyle/lifestyle.service.ts';
import { toObservation } from '../observations/observation-mapper.ts';
import { summaryRepository as repo } from './summary.repository.ts';

/**
 * Vital signs and home measurements (LOINC): blood pressure, heart rate, weight, height, BMI, waist, temperature,
 * oxygen saturation, respiratory rate, and glucose, which patients measure at home as often as labs do.
 */
export const VITAL_CODES: ReadonlySet<string> = new Set([
  '8480-6',
  '8462-4',
  '8867-4',
  '29463-7',
  '8302-2',
  '39156-5',
  '8280-0',
  '8310-5',
  '59408-5',
  '2708-6',
  '9279-1',
  '2345-7',
  '14771-0',
  '1558-6',
  '2339-0',
]);

/** Vital signs that are never lab results; glucose is both, so a lab glucose also counts among the labs. */
const VITAL_ONLY = new Set(
  [...VITAL_CODES].filter((c) => !['2345-7', '14771-0', '1558-6', '2339-0'].includes(c)),
);
const LAB_SOURCES = ['lab', 'checkup', 'import'] as const;
const ABNORMAL = new Set(['H', 'L', 'HH', 'LL', 'A']);

export class SummaryService {
  constructor(private readonly deps: AppDeps) {}

  /** The patient 360 summary: what is current, the latest measurements and what is abnormal now. */
  async summary(ctx: RequestContext, patientId: string, language: Language): Promise<PatientRecordSummary> {
    return this.deps.db.transaction().execute(async (tx) => {
      const access = await requirePatientAccess(tx, ctx.actor, patientId, 'view');
      const scope = { orgId: access.orgId, patientId };
      const current = { ...scope, activeOnly: true };
      const [conditions, allergies, medications, latest, labs, lifestyle, counts] = await Promise.all([
        entriesRepository.list(tx, CONDITIONS, current),
        entriesRepository.list(tx, ALLERGIES, current),
        entriesRepository.list(tx, MEDICATIONS, current),
        repo.latestPerCode(tx, scope),
        repo.latestPerCode(tx, { ...scope, sources: LAB_SOURCES }),
        lifestyleRepository.latest(tx, scope),
        repo.counts(tx, scope),
      ]);
      await recordAudit(tx, ctx, {
        action: 'record.summary.read',
        orgId: access.orgId,
        patientId,
        resourceType: 'summary',
        detail: { basis: access.basis },
      });
      const newestFirst = <T extends { effectiveAt: string }>(items: T[]) =>
        items.sort((a, b) => b.effectiveAt.localeCompare(a.effectiveAt));
      const observations = latest.map((r) => toObservation(r, language));
      return {
        patientId,
        activeConditions: conditions.map((r) =>
          toEntry(CONDITIONS, r),
        ) as PatientRecordSummary['activeConditions'],
        allergies: allergies.map((r) => toEntry(ALLERGIES, r)) as PatientRecordSummary['allergies'],
        currentMedications: medications.map((r) =>
          toEntry(MEDICATIONS, r),
        ) as PatientRecordSummary['currentMedications'],
        latestVitals: newestFirst(
          observations.filter((o) => o.codeSystem === 'loinc' && VITAL_CODES.has(o.code)),
        ),
        latestLabs: newestFirst(
          labs.filter((r) => !VITAL_ONLY.has(r.code)).map((r) => toObservation(r, language)),
        ),
        abnormalItems: newestFirst(observations.filter((o) => o.flag !== null && ABNORMAL.has(o.flag))),
        lifestyle: lifestyle ? toLifestyle(lifestyle) : null,
        counts: {
          observations: Number(counts.observations),
          conditions: Number(counts.conditions),
          allergies: Number(counts.allergies),
          medications: Number(counts.medications),
          procedures: Number(counts.procedures),
          familyHistory: Number(counts.family_history),
          encounters: Number(counts.encounters),
          lifestyle: Number(counts.lifestyle),
          documents: Number(counts.documents),
        },
        lastUpdatedAt: counts.last_updated_at?.toISOString() ?? null,
      };
    });
  }
}
