// A second demo organization (市第一人民医院) with a few departments and doctors, so that a referral can travel from
// the demo hospital to another organization: the demo doctor refers 张伟, he consents on the phone, and the partner
// hospital's nephrologist (partner@demo.careloop.cn) sees exactly the shared parts.
import type { AppDeps } from '../platform/deps.ts';
import type { Logger } from '../platform/logging.ts';
import { uuidv7 } from '../platform/db/ids.ts';
import { hashPassword } from '../modules/identity/passwords.ts';
import { DEMO_PASSWORD } from './demo-staff.ts';

export const PARTNER_ORG = {
  code: 'demo-partner',
  nameZh: '市第一人民医院',
  nameEn: 'First People’s Hospital',
  timeZone: 'Asia/Shanghai',
};

const DEPARTMENTS = [
  { code: 'nephrology', nameZh: '肾内科', nameEn: 'Nephrology' },
  { code: 'cardiac-surgery', nameZh: '心脏外科', nameEn: 'Cardiac Surgery' },
  { code: 'neurology', nameZh: '神经内科', nameEn: 'Neurology' },
] as const;

const STAFF = [
  {
    email: 'partner@demo.careloop.cn',
    name: '陈志远',
    roles: ['doctor'],
    department: 'nephrology',
    title: '主任医师',
  },
  {
    email: 'partner2@demo.careloop.cn',
    name: '杨丽',
    roles: ['doctor'],
    department: 'nephrology',
    title: '主治医师',
  },
  {
    email: 'partner3@demo.careloop.cn',
    name: '徐海峰',
    roles: ['doctor'],
    department: 'cardiac-surgery',
    title: '副主任医师',
  },
  {
    email: 'partner-admin@demo.careloop.cn',
    name: '冯晓',
    roles: ['org_admin'],
    department: null,
    title: null,
  },
] as const;

/** The partner hospital's logins (all with the demo password). */
export const PARTNER_LOGINS = STAFF.map((s) => s.email);

export async function seedDemoReferrals(deps: AppDeps, log: Logger): Promise<void> {
  const { db } = deps;
  if (await db.selectFrom('orgs').select('id').where('code', '=', PARTNER_ORG.code).executeTakeFirst())
    return;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (tx) => {
    const orgId = uuidv7();
    await tx
      .insertInto('orgs')
      .values({
        id: orgId,
        code: PARTNER_ORG.code,
        name_zh: PARTNER_ORG.nameZh,
        name_en: PARTNER_ORG.nameEn,
        time_zone: PARTNER_ORG.timeZone,
      })
      .execute();
    const departmentIds = new Map(DEPARTMENTS.map((d) => [d.code, uuidv7()]));
    await tx
      .insertInto('departments')
      .values(
        DEPARTMENTS.map((d) => ({
          id: departmentIds.get(d.code)!,
          org_id: orgId,
          code: d.code,
          name_zh: d.nameZh,
          name_en: d.nameEn,
        })),
      )
      .execute();
    for (const s of STAFF) {
      const id = uuidv7();
      await tx
        .insertInto('accounts')
        .values({
          id,
          kind: 'staff',
          display_name: s.name,
          email: s.email,
          password_hash: passwordHash,
          locale: 'zh-CN',
          mfa_enabled: false,
          mfa_exempt: true,
        })
        .execute();
      await tx
        .insertInto('memberships')
        .values({
          id: uuidv7(),
          org_id: orgId,
          account_id: id,
          roles: [...s.roles],
          department_id: s.department ? departmentIds.get(s.department)! : null,
          title: s.title,
        })
        .execute();
    }
  });
  log.info({ staff: STAFF.length }, 'demo partner hospital created');
}
