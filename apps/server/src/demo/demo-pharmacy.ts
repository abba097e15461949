// The demo pharmacy: the shipped formulary (150+ common drugs for hypertension, diabetes, lipids, infections, pain,
// respiratory and gastric conditions) and its interaction table in the demo hospital and the partner hospital, with
// stock; and 王芳 on simvastatin in her record, so that prescribing clarithromycin in her ongoing consultation
// shows the contraindicated interaction (CYP3A4 inhibition raises simvastatin exposure: myopathy).
import { sql } from 'kysely';
import { FORMULARY, INTERACTIONS } from '@careloop/clinical';
import type { AppDeps } from '../platform/deps.ts';
import type { Executor } from '../platform/db/database.ts';
import type { Logger } from '../platform/logging.ts';
import { uuidv7 } from '../platform/db/ids.ts';
import { applyImport, inputOfClinical } from '../modules/pharmacy/index.ts';
import { storeMedicationStatements } from '../modules/records/index.ts';
import { DEMO_DOCTOR_EMAIL, DEMO_ORG } from './demo-staff.ts';
import { PARTNER_ORG } from './demo-referrals.ts';
import { WELL_KNOWN_PHONES } from './demo-data.ts';
import { DemoRandom } from './random.ts';

/** Loads the shipped formulary and interactions into one organization (its stock drawn from `rng`). */
export async function loadFormulary(tx: Executor, orgId: string, rng: DemoRandom): Promise<number> {
  const rows = FORMULARY.map((d) => ({ drug: inputOfClinical(d), onHand: rng.int(20, 400) }));
  await applyImport(tx, orgId, rows);
  const seen = new Set<string>();
  const interactions = INTERACTIONS.filter((i) => {
    const key = [i.a, i.b].sort().join('|');
    if (seen.has(key) || i.a === i.b) return false;
    seen.add(key);
    return true;
  });
  if (interactions.length > 0)
    await tx
      .insertInto('drug_interactions')
      .values(
        interactions.map((i) => {
          const [a, b] = i.a <= i.b ? [i.a, i.b] : [i.b, i.a];
          return {
            id: uuidv7(),
            org_id: orgId,
            a,
            b,
            severity: i.severity,
            zh: i.zh,
            en: i.en,
            source: i.source,
            updated_at: new Date(),
          };
        }),
      )
      .onConflict((oc) => oc.doNothing())
      .execute();
  return rows.length;
}

export async function seedDemoPharmacy(deps: AppDeps, log: Logger): Promise<void> {
  const { db } = deps;
  const orgs = await db
    .selectFrom('orgs')
    .select(['id', 'code'])
    .where('code', 'in', [DEMO_ORG.code, PARTNER_ORG.code])
    .execute();
  const rng = new DemoRandom(20_260_707);
  for (const org of orgs) {
    const loaded = await db.transaction().execute(async (tx) => {
      await sql`SELECT pg_advisory_xact_lock(hashtext(${`demo-pharmacy:${org.id}`}))`.execute(tx);
      if (await tx.selectFrom('formulary_drugs').select('id').where('org_id', '=', org.id).executeTakeFirst())
        return 0;
      const count = await loadFormulary(tx, org.id, rng);
      if (org.code === DEMO_ORG.code) await giveWangFangSimvastatin(deps, tx, org.id);
      return count;
    });
    if (loaded > 0) log.info({ org: org.code, drugs: loaded }, 'demo formulary loaded');
  }
}

/** 王芳 takes simvastatin for her lipids (recorded by the demo doctor), switched from atorvastatin. */
async function giveWangFangSimvastatin(deps: AppDeps, tx: Executor, orgId: string): Promise<void> {
  const wangFang = await tx
    .selectFrom('patient_links as l')
    .innerJoin('accounts as a', 'a.id', 'l.account_id')
    .select('l.patient_id')
    .where('l.org_id', '=', orgId)
    .where('l.relationship', '=', 'self')
    .where('l.removed_at', 'is', null)
    .where('a.phone_bidx', '=', deps.crypto.blindIndex('phone', WELL_KNOWN_PHONES.wangFang))
    .executeTakeFirst();
  const doctor = await tx
    .selectFrom('accounts')
    .select('id')
    .where('email', '=', DEMO_DOCTOR_EMAIL)
    .executeTakeFirst();
  if (!wangFang || !doctor) return;
  const switchedOn = new Date(Date.now() - 120 * 86_400_000).toISOString().slice(0, 10);
  // Her statin was switched from atorvastatin to simvastatin four months ago (one statin at a time).
  await tx
    .updateTable('medication_statements')
    .set({ status: 'stopped', stopped_on: switchedOn, updated_at: new Date(), version: sql`version + 1` })
    .where('org_id', '=', orgId)
    .where('patient_id', '=', wangFang.patient_id)
    .where('atc', 'like', 'C10AA%')
    .where('status', '=', 'active')
    .where('deleted_at', 'is', null)
    .execute();
  await storeMedicationStatements(tx, [
    {
      orgId,
      patientId: wangFang.patient_id,
      name: '辛伐他汀片',
      atc: 'C10AA01',
      dose: '20 mg',
      route: 'oral',
      frequency: '每晚一次',
      reason: '高脂血症',
      startedOn: switchedOn,
      note: null,
      prescriptionItemId: null,
      recordedBy: doctor.id,
      sourceOrg: null,
    },
  ]);
}
