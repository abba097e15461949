// Demo checkups: two org packages, a few item mappings, and two or three yearly checkups for the two demo patient
// accounts and about a quarter of the other adults, imported the way a health manager imports them (the template
// CSV through an import job), so comparisons, trends, explanations and follow-up tasks all exist.
import { formatCsv } from '@careloop/interop';
import type { AppDeps } from '../platform/deps.ts';
import type { Logger } from '../platform/logging.ts';
import type { RequestContext, StaffActor } from '../platform/auth/actor.ts';
import { CheckupImportsService } from '../modules/checkups/imports/imports.service.ts';
import { CheckupMappingsService } from '../modules/checkups/mappings/mappings.service.ts';
import { CheckupPackagesService } from '../modules/checkups/packages/packages.service.ts';
import {
  checkupItems,
  conclusionFor,
  personalOffsets,
  templateRows,
  type DemoProfile,
  type TemplateRow,
} from './demo-checkup-panel.ts';
import type { DemoHousehold } from './demo-data.ts';
import { DEMO_ADMIN_EMAIL, DEMO_ORG } from './demo-staff.ts';
import { ageOn, type DemoPatient } from './people.ts';
import { DemoRandom } from './random.ts';

const CHECKUP_SEED = 4_711;
const CENTER = '示范医院体检中心';
const MANAGER_EMAIL = 'manager@demo.careloop.cn';
const DAY = 86_400_000;

export const DEMO_PACKAGES = [
  {
    code: 'basic',
    nameZh: '基础体检套餐',
    nameEn: 'Basic checkup',
    itemCodes: [
      '14771-0',
      '2093-3',
      '2571-8',
      '2085-9',
      '1742-6',
      '1920-8',
      '2160-0',
      '718-7',
      '6690-2',
      '777-3',
    ],
    priceCents: 39_800,
  },
  {
    code: 'comprehensive',
    nameZh: '中老年全面体检套餐',
    nameEn: 'Comprehensive checkup (45+)',
    itemCodes: [
      '14771-0',
      '4548-4',
      '2093-3',
      '2571-8',
      '2085-9',
      '18262-6',
      '1742-6',
      '1920-8',
      '2160-0',
      '3084-1',
      '718-7',
      '6690-2',
      '777-3',
      '2823-3',
      '2951-2',
      '8480-6',
      '8462-4',
      '39156-5',
    ],
    priceCents: 128_000,
  },
] as const;

/** Names this centre prints that the dictionary cannot code on its own (LDL without its method, a lab's wording). */
export const DEMO_MAPPINGS = [
  { localName: '低密度脂蛋白胆固醇', loinc: '18262-6' },
  { localName: '血清尿酸测定', loinc: '3084-1' },
  { localName: '血糖(空腹)', loinc: '14771-0', unit: 'mmol/L' },
] as const;

const PROFILES: Readonly<Record<DemoProfile, number>> = {
  healthy: 4,
  glucose: 2,
  liver: 2,
  lipids: 2,
  uric: 1,
  pressure: 1,
};

const isoDate = (t: number) => new Date(t).toISOString().slice(0, 10);

/** Who gets checkups: 张伟 and 王芳 (the demo patient accounts) and every fourth other adult. */
export function demoCheckupPatients(households: readonly DemoHousehold[], today: Date) {
  const chosen: { patient: DemoPatient; profile: DemoProfile | null }[] = [];
  const [zhang, wang] = [households[0]?.members[0]?.patient, households[1]?.members[0]?.patient];
  if (zhang) chosen.push({ patient: zhang, profile: 'glucose' });
  if (wang) chosen.push({ patient: wang, profile: 'liver' });
  let n = 0;
  for (const household of households.slice(2)) {
    for (const { patient } of household.members) {
      if (ageOn(today, patient.birthDate) < 18) continue;
      if (n++ % 4 === 0) chosen.push({ patient, profile: null });
    }
  }
  return chosen;
}

/** Two or three yearly checkups per person as template rows, the newest a few weeks to a few months ago. */
export function demoCheckupRows(
  people: readonly { patient: DemoPatient; profile: DemoProfile | null }[],
  today: Date,
  options: { seed?: number; reportPrefix?: string } = {},
): TemplateRow[] {
  const seed = options.seed ?? CHECKUP_SEED;
  const prefix = options.reportPrefix ?? 'TJ';
  const rng = new DemoRandom(seed);
  const rows: TemplateRow[] = [];
  people.forEach(({ patient, profile: fixed }, index) => {
    const profile = fixed ?? rng.weighted(PROFILES);
    const personal = personalOffsets(rng);
    const count = fixed ? 3 : rng.int(2, 3);
    const newest = today.getTime() - rng.int(20, 120) * DAY;
    for (let k = count - 1; k >= 0; k--) {
      const when = newest - k * 365 * DAY + rng.int(-10, 10) * DAY;
      const items = checkupItems({ patient, profile, year: 2 - k, rng, personal });
      const conclusion = conclusionFor(items);
      const reportNo = `${prefix}${isoDate(when).replace(/-/g, '')}${String(index).padStart(4, '0')}`;
      const packageName =
        ageOn(new Date(when), patient.birthDate) >= 45 ? DEMO_PACKAGES[1].nameZh : DEMO_PACKAGES[0].nameZh;
      for (const item of items) {
        rows.push({
          reportNo,
          patient,
          checkupDate: isoDate(when),
          center: CENTER,
          packageName,
          conclusion,
          item,
        });
      }
    }
  });
  return rows;
}

/** The rows as the CSV a checkup centre exports (UTF-8 with BOM, as Excel writes it). */
export function demoCheckupCsv(rows: readonly TemplateRow[]): Uint8Array {
  return new Uint8Array(Buffer.from(`\uFEFF${formatCsv(templateRows(rows))}`, 'utf8'));
}

function staffContext(
  orgId: string,
  accountId: string,
  roles: StaffActor['roles'],
): RequestContext & { actor: StaffActor } {
  return {
    actor: {
      kind: 'staff',
      accountId,
      orgId,
      roles,
      departmentId: null,
      displayName: 'demo seed',
      credentialId: 'demo-seed',
      via: 'session',
      mfa: 'ok',
    },
    requestId: 'demo-seed',
    ip: null,
  };
}

/** Seeds the demo checkups after the demo organization was created; does nothing when it has checkups already. */
export async function seedDemoCheckups(
  deps: AppDeps,
  input: { households: readonly DemoHousehold[]; today: Date },
  log: Logger,
): Promise<void> {
  const { db } = deps;
  const org = await db.selectFrom('orgs').select('id').where('code', '=', DEMO_ORG.code).executeTakeFirst();
  if (!org) return;
  if (await db.selectFrom('checkup_reports').select('id').where('org_id', '=', org.id).executeTakeFirst())
    return;
  const account = (email: string) =>
    db.selectFrom('accounts').select('id').where('email', '=', email).executeTakeFirstOrThrow();
  const admin = staffContext(org.id, (await account(DEMO_ADMIN_EMAIL)).id, ['org_admin']);
  const manager = staffContext(org.id, (await account(MANAGER_EMAIL)).id, ['health_manager']);

  const started = performance.now();
  const packages = new CheckupPackagesService(deps);
  for (const p of DEMO_PACKAGES) {
    await packages.create(admin, { ...p, itemCodes: [...p.itemCodes], active: true });
  }
  const mappings = new CheckupMappingsService(deps);
  for (const m of DEMO_MAPPINGS) await mappings.create(admin, m);

  const rows = demoCheckupRows(demoCheckupPatients(input.households, input.today), input.today);
  // Imported in this process (not queued), so the demo is complete when the server starts listening.
  const imports = new CheckupImportsService({ ...deps, jobs: null });
  const { job } = await imports.create(
    manager,
    [
      {
        name: '示范医院体检结果.csv',
        declaredType: 'text/csv',
        bytes: demoCheckupCsv(rows),
        truncated: false,
      },
    ],
    'zh-CN',
  );
  await imports.drain();
  const done = await imports.get(manager, job.id, 'zh-CN');
  log.info(
    {
      status: done.status,
      reports: done.reportsCreated,
      items: done.itemsStored,
      problems: done.problemCount,
      ms: Math.round(performance.now() - started),
    },
    'demo checkups imported',
  );
}
