import { sql, type InsertObject, type Insertable } from 'kysely';
import type { AppDeps } from '../platform/deps.ts';
import type { Executor, Tx } from '../platform/db/database.ts';
import type { Database } from '../platform/db/schema.ts';
import type { FieldCrypto } from '../platform/crypto/field-crypto.ts';
import { uuidv7 } from '../platform/db/ids.ts';
import type { Logger } from '../platform/logging.ts';
import { hashPassword } from '../modules/identity/passwords.ts';
import { planCareTeams } from './care-teams.ts';
import { seedDemoCheckups } from './demo-checkups.ts';
import { seedDemoRecords } from './demo-records.ts';
import { seedDemoMonitoring } from './demo-monitoring.ts';
import { seedDemoConsultations } from './demo-consultations.ts';
import { seedDemoReferrals } from './demo-referrals.ts';
import { seedDemoScheduling } from './demo-scheduling.ts';
import { seedDemoPharmacy } from './demo-pharmacy.ts';
import { seedDemoMedication } from './demo-medication.ts';
import { generateDemoHouseholds, type DemoHousehold } from './demo-data.ts';
import {
  DEMO_ACCOUNTS,
  DEMO_ADMIN_EMAIL,
  DEMO_DEPARTMENTS,
  DEMO_ORG,
  DEMO_PASSWORD,
  DEMO_STAFF,
  type DemoAccount,
} from './demo-staff.ts';
import { DemoRandom } from './random.ts';
import { ageOn, type DemoPatient } from './people.ts';
import { nameSearchText } from '../modules/patients/index.ts';

export interface DemoSeedResult {
  created: boolean;
  accounts: DemoAccount[];
}

// Rows per INSERT: well under PostgreSQL's 65,535 bind parameters for the widest table (patients, 17 columns).
const CHUNK = 500;
// Two processes starting together on an empty database: the second waits, then finds the demo already there.
const SEED_LOCK = 7_215_004_312;
const CARE_TEAM_SEED = 7;
const PROXY_DAYS = 180;
const ELDER_MODE_AGE = 75;

/**
 * Creates the demo organisation (示范医院) with staff, patients, families and care teams when it does not exist yet.
 * Returns the demo logins to print; null in production, where demo data is never created.
 */
export async function seedDemoIfEmpty(deps: AppDeps, log: Logger): Promise<DemoSeedResult | null> {
  if (deps.config.env === 'production') return null;
  const accounts = DEMO_ACCOUNTS.map((a) => ({ ...a }));
  if (await demoOrgExists(deps.db)) return { created: false, accounts };

  const started = performance.now();
  const today = new Date();
  const households = generateDemoHouseholds({ patients: deps.config.demoPatients, today });
  // One argon2 hash shared by every demo account: hashing each would make start take seconds.
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  const counts = await deps.db.transaction().execute(async (tx) => {
    await sql`SELECT pg_advisory_xact_lock(${SEED_LOCK})`.execute(tx);
    if (await demoOrgExists(tx)) return null;
    return writeDemo(tx, deps.crypto, { households, passwordHash, today });
  });
  if (!counts) return { created: false, accounts };

  log.info({ ...counts, ms: Math.round(performance.now() - started) }, 'demo data created');
  await seedDemoCheckups(deps, { households, today }, log);
  await seedDemoRecords(deps, { households, today }, log);
  await seedDemoMonitoring(deps, log);
  await seedDemoConsultations(deps, log);
  await seedDemoReferrals(deps, log);
  await seedDemoScheduling(deps, log);
  await seedDemoPharmacy(deps, log);
  await seedDemoMedication(deps, log);
  return { created: true, accounts };
}

async function demoOrgExists(db: Executor): Promise<boolean> {
  return !!(await db.selectFrom('orgs').select('id').where('code', '=', DEMO_ORG.code).executeTakeFirst());
}

async function writeDemo(
  tx: Tx,
  crypto: FieldCrypto,
  input: { households: DemoHousehold[]; passwordHash: string; today: Date },
) {
  const orgId = uuidv7();
  await tx
    .insertInto('orgs')
    .values({
      id: orgId,
      code: DEMO_ORG.code,
      name_zh: DEMO_ORG.nameZh,
      name_en: DEMO_ORG.nameEn,
      time_zone: DEMO_ORG.timeZone,
    })
    .execute();

  const departmentIds = new Map(DEMO_DEPARTMENTS.map((d) => [d.code, uuidv7()]));
  await tx
    .insertInto('departments')
    .values(
      DEMO_DEPARTMENTS.map((d) => ({
        id: departmentIds.get(d.code)!,
        org_id: orgId,
        code: d.code,
        name_zh: d.nameZh,
        name_en: d.nameEn,
      })),
    )
    .execute();

  const staffIds = new Map(DEMO_STAFF.map((s) => [s.email, uuidv7()]));
  await tx
    .insertInto('accounts')
    .values(
      DEMO_STAFF.map((s) => ({
        id: staffIds.get(s.email)!,
        kind: 'staff' as const,
        display_name: s.name,
        email: s.email,
        password_hash: input.passwordHash,
        locale: 'zh-CN' as const,
        is_platform_admin: s.platformAdmin,
        mfa_enabled: false,
        mfa_exempt: s.mfaExempt,
      })),
    )
    .execute();
  await tx
    .insertInto('memberships')
    .values(
      DEMO_STAFF.map((s) => ({
        id: uuidv7(),
        org_id: orgId,
        account_id: staffIds.get(s.email)!,
        roles: s.roles,
        department_id: s.department ? departmentIds.get(s.department)! : null,
        title: s.title,
      })),
    )
    .execute();
  const adminId = staffIds.get(DEMO_ADMIN_EMAIL)!;

  const patients = input.households.flatMap((h) => h.members.map((m) => m.patient));
  const patientIds = patients.map(() => uuidv7());
  const patientRows = patients.map((p, i) =>
    patientRow(p, { id: patientIds[i]!, orgId, createdBy: adminId, crypto }),
  );
  await insertInChunks(patientRows, (chunk) => tx.insertInto('patients').values(chunk).execute());

  const family = familyRows(input.households, {
    orgId,
    patientIds,
    crypto,
    passwordHash: input.passwordHash,
    today: input.today,
  });
  await insertInChunks(family.accounts, (chunk) => tx.insertInto('accounts').values(chunk).execute());
  await insertInChunks(family.links, (chunk) => tx.insertInto('patient_links').values(chunk).execute());

  // 张伟 lets 王芳 (the second demo account) see his record and message his care team on his behalf.
  const [zhangAccount, wangAccount] = family.accounts;
  await tx
    .insertInto('proxy_grants')
    .values({
      id: uuidv7(),
      org_id: orgId,
      patient_id: patientIds[0]!,
      grantee_account_id: wangAccount!.id,
      scopes: ['view', 'message'],
      expires_at: new Date(input.today.getTime() + PROXY_DAYS * 86_400_000),
      created_by: zhangAccount!.id,
    })
    .execute();

  const firstOf = (household: number, member: number) =>
    patients.indexOf(input.households[household]!.members[member]!.patient);
  const careTeams = planCareTeams(patients, {
    demoDoctorPatients: [firstOf(0, 0), firstOf(0, 1), firstOf(1, 0)],
    today: input.today,
    rng: new DemoRandom(CARE_TEAM_SEED),
  }).map((a) => ({
    id: uuidv7(),
    org_id: orgId,
    patient_id: patientIds[a.patientIndex]!,
    staff_account_id: staffIds.get(a.staffEmail)!,
    role: a.role,
    added_by: adminId,
  }));
  await insertInChunks(careTeams, (chunk) => tx.insertInto('care_team').values(chunk).execute());

  return {
    departments: DEMO_DEPARTMENTS.length,
    staff: DEMO_STAFF.length,
    patients: patients.length,
    patientAccounts: family.accounts.length,
    careTeamRows: careTeams.length,
  };
}

function patientRow(
  p: DemoPatient,
  ctx: { id: string; orgId: string; createdBy: string; crypto: FieldCrypto },
): InsertObject<Database, 'patients'> {
  const { crypto } = ctx;
  const { number, ...insurance } = p.insurance;
  return {
    id: ctx.id,
    org_id: ctx.orgId,
    mrn: sql<string>`'P' || nextval('patient_mrn_seq')::text`,
    name: p.name,
    name_search: nameSearchText(p.name),
    sex: p.sex,
    birth_date: p.birthDate,
    national_id_enc: crypto.encrypt(p.nationalId),
    national_id_bidx: crypto.blindIndex('national_id', p.nationalId),
    phone_enc: crypto.encrypt(p.phone),
    phone_bidx: crypto.blindIndex('phone', p.phone),
    phone_last4: p.phone.slice(-4),
    address_enc: crypto.encryptJson(p.address),
    emergency_contact_enc: crypto.encryptJson(p.emergencyContact),
    // Stored as the patients module stores it: a policy number is an identifier, so it is encrypted.
    insurance: JSON.stringify({ ...insurance, numberEnc: crypto.encryptNullable(number) }),
    created_by: ctx.createdBy,
  };
}

/** One patient account per household, logging in with the head's phone, linked to every member's profile. */
function familyRows(
  households: readonly DemoHousehold[],
  ctx: { orgId: string; patientIds: string[]; crypto: FieldCrypto; passwordHash: string; today: Date },
) {
  const accounts: Insertable<Database['accounts']>[] = [];
  const links: Insertable<Database['patient_links']>[] = [];
  let patientIndex = 0;
  for (const household of households) {
    const accountId = uuidv7();
    const head = household.members[0]!.patient;
    accounts.push({
      id: accountId,
      kind: 'patient',
      display_name: head.name,
      phone_enc: ctx.crypto.encrypt(household.accountPhone),
      phone_bidx: ctx.crypto.blindIndex('phone', household.accountPhone),
      password_hash: ctx.passwordHash,
      locale: 'zh-CN',
      elder_mode: ageOn(ctx.today, head.birthDate) >= ELDER_MODE_AGE,
    });
    for (const member of household.members) {
      links.push({
        id: uuidv7(),
        org_id: ctx.orgId,
        account_id: accountId,
        patient_id: ctx.patientIds[patientIndex++]!,
        relationship: member.relationship,
      });
    }
  }
  return { accounts, links };
}

async function insertInChunks<R>(
  rows: readonly R[],
  insert: (chunk: R[]) => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}
