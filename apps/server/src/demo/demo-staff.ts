import type { StaffRole } from '@careloop/contracts';
import { WELL_KNOWN_PHONES } from './demo-data.ts';

/** The demo hospital's departments and staff. Every account shares one password, printed at start. */

export const DEMO_PASSWORD = 'Demo1234!';
export const DEMO_ORG = {
  code: 'demo',
  nameZh: '示范医院',
  nameEn: 'Demo Hospital',
  timeZone: 'Asia/Shanghai',
};

export const DEMO_DEPARTMENTS = [
  { code: 'cardiology', nameZh: '心内科', nameEn: 'Cardiology' },
  { code: 'endocrinology', nameZh: '内分泌科', nameEn: 'Endocrinology' },
  { code: 'respiratory', nameZh: '呼吸内科', nameEn: 'Respiratory Medicine' },
  { code: 'gastroenterology', nameZh: '消化内科', nameEn: 'Gastroenterology' },
  { code: 'neurology', nameZh: '神经内科', nameEn: 'Neurology' },
  { code: 'general-practice', nameZh: '全科', nameEn: 'General Practice' },
  { code: 'pediatrics', nameZh: '儿科', nameEn: 'Pediatrics' },
  { code: 'obstetrics-gynecology', nameZh: '妇产科', nameEn: 'Obstetrics and Gynecology' },
  { code: 'checkup-center', nameZh: '体检中心', nameEn: 'Health Checkup Center' },
  { code: 'pharmacy', nameZh: '药剂科', nameEn: 'Pharmacy' },
] as const;
export type DemoDepartmentCode = (typeof DEMO_DEPARTMENTS)[number]['code'];

export interface DemoStaff {
  email: string;
  name: string;
  roles: StaffRole[];
  department: DemoDepartmentCode | null;
  title: string | null;
  /** Demo staff skip MFA (demo mode only); the one exception exists to try MFA enrolment. */
  mfaExempt: boolean;
  platformAdmin: boolean;
}

const staff = (
  login: string,
  name: string,
  role: StaffRole,
  department: DemoDepartmentCode | null,
  title: string | null,
  extra: Partial<Pick<DemoStaff, 'mfaExempt' | 'platformAdmin'>> = {},
): DemoStaff => ({
  email: `${login}@demo.careloop.cn`,
  name,
  roles: [role],
  department,
  title,
  mfaExempt: extra.mfaExempt ?? true,
  platformAdmin: extra.platformAdmin ?? false,
});

/** The demo doctor: every access-control walkthrough logs in as this account. */
export const DEMO_DOCTOR_EMAIL = 'doctor@demo.careloop.cn';
export const DEMO_ADMIN_EMAIL = 'admin@demo.careloop.cn';

export const DEMO_STAFF: readonly DemoStaff[] = [
  staff('doctor', '王建国', 'doctor', 'cardiology', '主任医师'),
  staff('doctor2', '李淑芬', 'doctor', 'endocrinology', '副主任医师'),
  staff('nurse', '张敏', 'nurse', 'cardiology', '主管护师'),
  staff('manager', '陈静', 'health_manager', 'general-practice', '健康管理师'),
  staff('pharmacist', '刘洋', 'pharmacist', 'pharmacy', '主管药师'),
  staff('admin', '赵磊', 'org_admin', null, null),
  staff('researcher', '孙悦', 'researcher', null, '研究员'),
  // A platform administrator still needs a membership so that it has an organisation to work in.
  staff('platform', '周平', 'org_admin', null, null, { platformAdmin: true }),
  staff('mfa', '吴磊', 'doctor', 'general-practice', '主治医师', { mfaExempt: false }),
  staff('staff01', '黄志强', 'doctor', 'respiratory', '主任医师'),
  staff('staff02', '何丽华', 'doctor', 'gastroenterology', '副主任医师'),
  staff('staff03', '林海涛', 'doctor', 'neurology', '主治医师'),
  staff('staff04', '郭晓燕', 'doctor', 'general-practice', '主治医师'),
  staff('staff05', '马文博', 'doctor', 'pediatrics', '副主任医师'),
  staff('staff06', '罗慧敏', 'doctor', 'obstetrics-gynecology', '主任医师'),
  staff('staff07', '梁国栋', 'doctor', 'checkup-center', '主治医师'),
  staff('staff08', '宋雪梅', 'nurse', 'endocrinology', '护师'),
  staff('staff09', '郑宏伟', 'doctor', 'cardiology', '住院医师'),
  staff('staff10', '谢婷婷', 'nurse', 'respiratory', '护师'),
  staff('staff11', '韩冬梅', 'nurse', 'pediatrics', '主管护师'),
  staff('staff12', '唐明辉', 'nurse', 'general-practice', '护师'),
  staff('staff13', '冯玉兰', 'nurse', 'obstetrics-gynecology', '主管护师'),
  staff('staff14', '许晨阳', 'nurse', 'neurology', '护士'),
];

export interface DemoAccount {
  role: string;
  login: string;
  password: string;
}

/** Printed at start and listed in the README. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { role: 'patient', login: WELL_KNOWN_PHONES.zhangWei },
  { role: 'patient', login: WELL_KNOWN_PHONES.wangFang },
  { role: 'doctor', login: DEMO_DOCTOR_EMAIL },
  { role: 'doctor (MFA required)', login: 'mfa@demo.careloop.cn' },
  { role: 'nurse', login: 'nurse@demo.careloop.cn' },
  { role: 'health_manager', login: 'manager@demo.careloop.cn' },
  { role: 'pharmacist', login: 'pharmacist@demo.careloop.cn' },
  { role: 'org_admin', login: DEMO_ADMIN_EMAIL },
  { role: 'researcher', login: 'researcher@demo.careloop.cn' },
  { role: 'platform_admin', login: 'platform@demo.careloop.cn' },
].map((account) => ({ ...account, password: DEMO_PASSWORD }));
