import { describe, expect, it } from 'vitest';
import { planCareTeams } from './care-teams.ts';
import { generateDemoHouseholds } from './demo-data.ts';
import { DEMO_DOCTOR_EMAIL, DEMO_STAFF } from './demo-staff.ts';
import { DemoRandom } from './random.ts';

const TODAY = new Date('2025-06-15T08:00:00Z');

function plan(patientCount: number) {
  const patients = generateDemoHouseholds({ patients: patientCount, today: TODAY }).flatMap((h) =>
    h.members.map((m) => m.patient),
  );
  // 张伟, 李娜 and 王芳 are patients 0, 1 and 3 (张小宇 is 2).
  const assignments = planCareTeams(patients, {
    demoDoctorPatients: [0, 1, 3],
    today: TODAY,
    rng: new DemoRandom(7),
  });
  const withTeam = new Set(assignments.map((a) => a.patientIndex));
  const demoDoctors = new Set(
    assignments.filter((a) => a.staffEmail === DEMO_DOCTOR_EMAIL).map((a) => a.patientIndex),
  );
  return { patients, assignments, withTeam, demoDoctors };
}

describe('planCareTeams', () => {
  const { patients, assignments, withTeam, demoDoctors } = plan(200);

  it('puts the demo doctor on the care team of 张伟, 李娜, 王芳 and about forty others', () => {
    expect([0, 1, 3].every((i) => demoDoctors.has(i))).toBe(true);
    expect(demoDoctors.size).toBe(43);
  });

  it('leaves at least twenty patients outside the demo doctor’s care teams', () => {
    expect(patients.length - demoDoctors.size).toBeGreaterThanOrEqual(20);
    expect(plan(30).patients.length - plan(30).demoDoctors.size).toBeGreaterThanOrEqual(20);
  });

  it('gives about 70% of patients a care team and the last patient none', () => {
    expect(withTeam.size / patients.length).toBeGreaterThan(0.6);
    expect(withTeam.size / patients.length).toBeLessThan(0.8);
    expect(withTeam.has(patients.length - 1)).toBe(false);
  });

  it('assigns doctors as attending and nurses as nurse, at most once per patient and staff member', () => {
    const roleOf = new Map(DEMO_STAFF.map((s) => [s.email, s.roles[0]]));
    for (const a of assignments)
      expect(roleOf.get(a.staffEmail)).toBe(a.role === 'attending' ? 'doctor' : 'nurse');
    const pairs = assignments.map((a) => `${a.patientIndex}:${a.staffEmail}`);
    expect(new Set(pairs).size).toBe(pairs.length);
  });
});
