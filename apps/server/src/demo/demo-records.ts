// Writes the demo health records (demo-records-plan.ts) for the demo organization: conditions, allergies, medicines,
// procedures, family history, lifestyle, visits and two years of readings. Readings go through the records module's
// writer, so they are flagged and the follow-up rules run on them as on real data; everything else is multi-row
// inserts. Runs once: an organization that already has conditions is left alone.
import type { Insertable } from 'kysely';
import type { AppDeps } from '../platform/deps.ts';
import type { Tx } from '../platform/db/database.ts';
import type { Database } from '../platform/db/schema.ts';
import type { Logger } from '../platform/logging.ts';
import { uuidv7 } from '../platform/db/ids.ts';
import { storeObservations } from '../modules/records/index.ts';
import { loadFollowUpRules } from '../modules/followup/index.ts';
import type { DemoHousehold } from './demo-data.ts';
import { DEMO_ORG } from './demo-staff.ts';
import { planDemoRecords, type DemoRecordPlan } from './demo-records-plan.ts';

const LAB = '示范医院检验科';
const HOME_READING_CODES = new Set(['8480-6', '8462-4', '8867-4', '29463-7']);

interface Owner {
  patientId: string;
  accountId: string | null;
  doctorId: string | null;
}

type Rows<T extends keyof Database> = Insertable<Database[T]>[];

function entryRows(plan: DemoRecordPlan, orgId: string, owner: Owner) {
  const base = { org_id: orgId, patient_id: owner.patientId };
  const byDoctor = { source: 'clinician' as const, source_org: DEMO_ORG.nameZh, recorded_by: owner.doctorId };
  const byPatient = { source: 'self' as const, source_org: null, recorded_by: owner.accountId };
  const conditions: Rows<'conditions'> = plan.conditions.map((c) => ({
    id: uuidv7(),
    ...base,
    ...byDoctor,
    icd10: c.icd10,
    display: c.display,
    clinical_status: 'active',
    onset_date: c.onsetDate,
  }));
  const allergies: Rows<'allergies'> = plan.allergies.map((a, i) => ({
    id: uuidv7(),
    ...base,
    ...(i === 0 ? byDoctor : byPatient),
    substance: a.substance,
    category: a.category,
    reaction: a.reaction,
    severity: a.severity,
  }));
  const medications: Rows<'medication_statements'> = plan.medications.map((m) => ({
    id: uuidv7(),
    ...base,
    ...byDoctor,
    name: m.name,
    atc: m.atc,
    dose: m.dose,
    route: '口服',
    frequency: m.frequency,
    reason: m.reason,
    started_on: m.startedOn,
  }));
  const procedures: Rows<'procedures'> = plan.procedures.map((p) => ({
    id: uuidv7(),
    ...base,
    ...byPatient,
    name: p.name,
    kind: p.kind,
    performed_on: p.performedOn,
    outcome: '恢复良好',
  }));
  const familyHistory: Rows<'family_history'> = plan.familyHistory.map((f) => ({
    id: uuidv7(),
    ...base,
    ...byPatient,
    relation: f.relation,
    icd10: f.icd10,
    display: f.display,
    onset_age: f.onsetAge,
  }));
  const lifestyle: Rows<'lifestyle_assessments'> = plan.lifestyle.map((l, i) => ({
    id: uuidv7(),
    ...base,
    ...(i === 0 ? byDoctor : byPatient),
    assessed_at: l.assessedAt,
    smoking: l.smoking,
    cigarettes_per_day: l.cigarettesPerDay,
    alcohol: l.alcohol,
    activity_minutes_per_week: l.activityMinutesPerWeek,
    diet: l.diet,
    sleep_hours: l.sleepHours,
  }));
  const encounters: Rows<'encounters'> = plan.encounters.map((e) => ({
    id: uuidv7(),
    ...base,
    ...byDoctor,
    kind: 'outpatient',
    started_at: e.startedAt,
    department: e.department,
    reason: e.reason,
    summary: e.summary,
  }));
  return { conditions, allergies, medications, procedures, familyHistory, lifestyle, encounters };
}

async function insertAll(tx: Tx, rows: ReturnType<typeof entryRows>[]): Promise<void> {
  const conditions = rows.flatMap((r) => r.conditions);
  if (conditions.length) await tx.insertInto('conditions').values(conditions).execute();
  const allergies = rows.flatMap((r) => r.allergies);
  if (allergies.length) await tx.insertInto('allergies').values(allergies).execute();
  const medications = rows.flatMap((r) => r.medications);
  if (medications.length) await tx.insertInto('medication_statements').values(medications).execute();
  const procedures = rows.flatMap((r) => r.procedures);
  if (procedures.length) await tx.insertInto('procedures').values(procedures).execute();
  const familyHistory = rows.flatMap((r) => r.familyHistory);
  if (familyHistory.length) await tx.insertInto('family_history').values(familyHistory).execute();
  const lifestyle = rows.flatMap((r) => r.lifestyle);
  if (lifestyle.length) await tx.insertInto('lifestyle_assessments').values(lifestyle).execute();
  const encounters = rows.flatMap((r) => r.encounters);
  if (encounters.length) await tx.insertInto('encounters').values(encounters).execute();
}

/** Finds each planned patient's profile, their account and their attending doctor. */
async function owners(tx: Tx, deps: AppDeps, orgId: string, plans: readonly DemoRecordPlan[]) {
  const patients = await tx
    .selectFrom('patients')
    .select(['id', 'national_id_bidx'])
    .where('org_id', '=', orgId)
    .execute();
  const byIdIndex = new Map(patients.map((p) => [p.national_id_bidx, p.id]));
  const links = await tx
    .selectFrom('patient_links')
    .select(['patient_id', 'account_id'])
    .where('org_id', '=', orgId)
    .execute();
  const account = new Map(links.map((l) => [l.patient_id, l.account_id]));
  const team = await tx
    .selectFrom('care_team')
    .select(['patient_id', 'staff_account_id'])
    .where('org_id', '=', orgId)
    .where('role', '=', 'attending')
    .where('removed_at', 'is', null)
    .execute();
  const doctor = new Map(team.map((t) => [t.patient_id, t.staff_account_id]));
  return plans.map((plan) => {
    const patientId = byIdIndex.get(deps.crypto.blindIndex('national_id', plan.patient.nationalId));
    if (!patientId) return null;
    return { patientId, accountId: account.get(patientId) ?? null, doctorId: doctor.get(patientId) ?? null };
  });
}

/** Seeds the demo records after the demo organization was created; does nothing when it has records already. */
const BODY_WEIGHT = '29463-7';

/** Each person's newest body weight from the demo checkups (seeded first), so home scales agree with the clinic. */
async function latestCheckupWeights(
  tx: Tx,
  orgId: string,
  patientIds: readonly string[],
): Promise<Map<string, { at: Date; kg: number }>> {
  if (patientIds.length === 0) return new Map();
  const rows = await tx
    .selectFrom('observations')
    .select(['patient_id', 'effective_at', 'value_num'])
    .distinctOn('patient_id')
    .where('org_id', '=', orgId)
    .where('patient_id', 'in', patientIds)
    .where('code', '=', BODY_WEIGHT)
    .where('source', '=', 'checkup')
    .where('value_num', 'is not', null)
    .orderBy('patient_id')
    .orderBy('effective_at', 'desc')
    .execute();
  return new Map(rows.map((r) => [r.patient_id, { at: r.effective_at, kg: r.value_num! }]));
}

/**
 * Shifts a plan's home weights so the reading nearest the newest checkup equals the weight measured there: the
 * drift and day-to-day noise stay, and a clinician never sees 74 kg at home beside 58 kg at the checkup.
 */
function anchorWeights(plan: DemoRecordPlan, checkup: { at: Date; kg: number }): void {
  const weights = plan.observations.filter((o) => o.code === BODY_WEIGHT);
  const nearest = weights.reduce<(typeof weights)[number] | undefined>(
    (best, o) =>
      !best ||
      Math.abs(o.at.getTime() - checkup.at.getTime()) < Math.abs(best.at.getTime() - checkup.at.getTime())
        ? o
        : best,
    undefined,
  );
  if (!nearest) return;
  const shift = checkup.kg - nearest.value;
  for (const o of weights) o.value = Math.round((o.value + shift) * 10) / 10;
}

export async function seedDemoRecords(
  deps: AppDeps,
  input: { households: readonly DemoHousehold[]; today: Date },
  log: Logger,
): Promise<void> {
  const started = performance.now();
  const plans = planDemoRecords(input.households, input.today);
  const result = await deps.db.transaction().execute(async (tx) => {
    const org = await tx.selectFrom('orgs').select('id').where('code', '=', DEMO_ORG.code).executeTakeFirst();
    if (!org) return null;
    if (await tx.selectFrom('conditions').select('id').where('org_id', '=', org.id).executeTakeFirst())
      return null;
    const found = await owners(tx, deps, org.id, plans);
    const rules = await loadFollowUpRules(tx, org.id);
    const checkupWeights = await latestCheckupWeights(
      tx,
      org.id,
      found.flatMap((o) => (o ? [o.patientId] : [])),
    );
    let observations = 0;
    const entries: ReturnType<typeof entryRows>[] = [];
    for (const [i, plan] of plans.entries()) {
      const owner = found[i];
      if (!owner) continue;
      entries.push(entryRows(plan, org.id, owner));
      const weighed = checkupWeights.get(owner.patientId);
      if (weighed) anchorWeights(plan, weighed);
      // Home readings typed by the patient carry their account; device and lab values have no recorder.
      for (const typed of [true, false]) {
        const rows = plan.observations.filter((o) => (o.source === 'self') === typed);
        const stored = await storeObservations(tx, deps, {
          orgId: org.id,
          patientId: owner.patientId,
          recordedBy: typed ? owner.accountId : null,
          rules,
          rows: rows.map((o) => ({
            codeSystem: 'loinc' as const,
            code: o.code,
            name: o.name,
            valueNum: o.value,
            valueText: null,
            unit: o.unit,
            effectiveAt: o.at,
            source: o.source,
            sourceOrg: o.source === 'lab' ? LAB : null,
            // Home readings carry the monitoring module's reading keys, so they show in its views and metrics.
            dedupeKey:
              o.source !== 'lab' && HOME_READING_CODES.has(o.code)
                ? `rd:demo:${o.at.toISOString()}#${o.code}`
                : `demo:${o.code}:${o.at.toISOString()}`,
          })),
        });
        observations += stored.length;
      }
    }
    await insertAll(tx, entries);
    return { patients: entries.length, observations };
  });
  if (result) log.info({ ...result, ms: Math.round(performance.now() - started) }, 'demo records created');
}
