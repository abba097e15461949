import { describe, expect, it } from 'vitest';
import { parseResidentId, residentIdCheckChar } from '@careloop/contracts';
import { generateDemoHouseholds, WELL_KNOWN_PHONES, type DemoHousehold } from './demo-data.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-staff.ts';
import { SURNAMES } from './names.ts';
import { ageOn, birthDateForAge, mobilePhone, residentIdFor } from './people.ts';
import { DemoRandom } from './random.ts';

const TODAY = new Date('2025-06-15T08:00:00Z');
const patientsOf = (households: DemoHousehold[]) =>
  households.flatMap((h) => h.members.map((m) => m.patient));

describe('demo generators', () => {
  it('makes resident ID numbers that agree with the birth date and sex and carry a correct check character', () => {
    const rng = new DemoRandom(1);
    for (let i = 0; i < 500; i++) {
      const sex = rng.chance(0.5) ? 'male' : 'female';
      const birthDate = birthDateForAge(rng, TODAY, rng.int(1, 90));
      const id = residentIdFor(rng, '440106', birthDate, sex);
      expect(id.slice(0, 6)).toBe('440106');
      expect(id[17]).toBe(residentIdCheckChar(id.slice(0, 17)));
      expect(parseResidentId(id, { now: TODAY })).toEqual({ ok: true, birthDate, sex, normalized: id });
    }
  });

  it('makes 11-digit mainland mobile numbers', () => {
    const rng = new DemoRandom(2);
    for (let i = 0; i < 500; i++) expect(mobilePhone(rng)).toMatch(/^1[3-9]\d{9}$/);
  });

  it('draws birth dates that give exactly the requested age', () => {
    const rng = new DemoRandom(3);
    for (const age of [1, 2, 17, 18, 45, 89, 90]) {
      for (let i = 0; i < 50; i++) expect(ageOn(TODAY, birthDateForAge(rng, TODAY, age))).toBe(age);
    }
  });

  it('gives the same stream of numbers for the same seed', () => {
    const a = new DemoRandom(42);
    const b = new DemoRandom(42);
    expect(Array.from({ length: 20 }, () => a.next())).toEqual(Array.from({ length: 20 }, () => b.next()));
    expect(new DemoRandom(42).next()).not.toBe(new DemoRandom(43).next());
  });
});

describe('generateDemoHouseholds', () => {
  const households = generateDemoHouseholds({ patients: 200, today: TODAY });
  const patients = patientsOf(households);

  it('is the same every time for the same seed and day', () => {
    expect(generateDemoHouseholds({ patients: 200, today: TODAY })).toEqual(households);
    expect(patientsOf(generateDemoHouseholds({ patients: 200, today: TODAY, seed: 99 }))).not.toEqual(
      patients,
    );
  });

  it('creates exactly the requested number of patients, and never fewer than the well-known four', () => {
    expect(patients).toHaveLength(200);
    expect(patientsOf(generateDemoHouseholds({ patients: 0, today: TODAY }))).toHaveLength(4);
    expect(patientsOf(generateDemoHouseholds({ patients: 7, today: TODAY }))).toHaveLength(7);
  });

  it('starts with 张伟, his spouse 李娜 and child 张小宇 on 13800000001, then 王芳 alone on 13800000002', () => {
    const [zhang, wang] = households;
    expect(zhang?.accountPhone).toBe(WELL_KNOWN_PHONES.zhangWei);
    expect(
      zhang?.members.map((m) => [m.relationship, m.patient.name, m.patient.sex, m.patient.birthDate]),
    ).toEqual([
      ['self', '张伟', 'male', '1968-05-12'],
      ['spouse', '李娜', 'female', '1970-09-03'],
      ['child', '张小宇', 'male', '2016-03-21'],
    ]);
    expect(wang?.accountPhone).toBe(WELL_KNOWN_PHONES.wangFang);
    expect(wang?.members.map((m) => [m.relationship, m.patient.name, m.patient.birthDate])).toEqual([
      ['self', '王芳', '1985-11-30'],
    ]);
    expect(patients.filter((p) => ['张伟', '李娜', '张小宇', '王芳'].includes(p.name))).toHaveLength(4);
  });

  it('groups patients into households of one to four led by a "self" member', () => {
    for (const household of households) {
      expect(household.members.length).toBeGreaterThanOrEqual(1);
      expect(household.members.length).toBeLessThanOrEqual(4);
      expect(household.members[0]?.relationship).toBe('self');
      expect(household.accountPhone).toBe(household.members[0]?.patient.phone);
    }
    expect(new Set(households.map((h) => h.members.length))).toEqual(new Set([1, 2, 3, 4]));
  });

  it('gives every patient a valid resident ID matching their birth date and sex, unique across patients', () => {
    for (const p of patients) {
      expect(parseResidentId(p.nationalId, { now: TODAY })).toEqual({
        ok: true,
        birthDate: p.birthDate,
        sex: p.sex,
        normalized: p.nationalId,
      });
    }
    expect(new Set(patients.map((p) => p.nationalId)).size).toBe(patients.length);
  });

  it('gives every account a distinct, well-formed mobile number', () => {
    const phones = households.map((h) => h.accountPhone);
    for (const phone of phones) expect(phone).toMatch(/^1[3-9]\d{9}$/);
    expect(new Set(phones).size).toBe(phones.length);
    for (const p of patients) expect(p.phone).toMatch(/^1[3-9]\d{9}$/);
  });

  it('spreads ages from 1 to 90 and uses plausible names from common surnames', () => {
    const ages = patients.map((p) => ageOn(TODAY, p.birthDate));
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...ages)).toBeLessThanOrEqual(90);
    expect(ages.filter((a) => a < 18).length).toBeGreaterThan(5);
    expect(ages.filter((a) => a >= 65).length).toBeGreaterThan(20);
    for (const p of patients) {
      expect(p.name).toMatch(/^\p{Script=Han}{2,3}$/u);
      expect(SURNAMES).toContain(p.name[0]);
    }
  });

  it('gives every patient an address, an emergency contact and an insurance type', () => {
    for (const p of patients) {
      expect(p.address).toMatchObject({
        province: expect.any(String),
        city: expect.any(String),
        line: expect.any(String),
      });
      expect(p.emergencyContact?.phone).toMatch(/^1[3-9]\d{9}$/);
      expect(['spouse', 'child', 'parent', 'sibling', 'other']).toContain(p.emergencyContact?.relationship);
      expect(['urban_employee', 'urban_rural_resident', 'commercial', 'self_pay']).toContain(
        p.insurance.type,
      );
    }
  });

  it('scales to 10,000 patients with unique ID numbers and account phones', () => {
    const large = generateDemoHouseholds({ patients: 10_000, today: TODAY });
    const all = patientsOf(large);
    expect(all).toHaveLength(10_000);
    expect(new Set(all.map((p) => p.nationalId)).size).toBe(10_000);
    expect(new Set(large.map((h) => h.accountPhone)).size).toBe(large.length);
  });
});

describe('DEMO_ACCOUNTS', () => {
  it('lists one login per role, all with the demo password', () => {
    expect(DEMO_ACCOUNTS.map((a) => a.role)).toEqual([
      'patient',
      'patient',
      'doctor',
      'doctor (MFA required)',
      'nurse',
      'health_manager',
      'pharmacist',
      'org_admin',
      'researcher',
      'platform_admin',
    ]);
    expect(DEMO_ACCOUNTS.every((a) => a.password === DEMO_PASSWORD && DEMO_PASSWORD === 'Demo1234!')).toBe(
      true,
    );
  });
});
