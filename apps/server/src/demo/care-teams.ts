import { DEMO_DOCTOR_EMAIL, DEMO_STAFF, type DemoDepartmentCode, type DemoStaff } from './demo-staff.ts';
import { ageOn, type DemoPatient } from './people.ts';
import type { DemoRandom } from './random.ts';

export interface CareTeamAssignment {
  patientIndex: number;
  staffEmail: string;
  role: 'attending' | 'nurse';
}

/** Share of patients with a care team, as in a hospital where most registered patients are followed by someone. */
const CARE_TEAM_SHARE = 0.7;
/** Besides the well-known patients, the demo doctor follows this many others: a plausible outpatient panel. */
const DEMO_DOCTOR_PANEL = 40;
/** At least this many patients stay outside the demo doctor's care teams, to show access being refused. */
const OUTSIDE_DEMO_DOCTOR = 20;

const doctors = DEMO_STAFF.filter((s) => s.roles.includes('doctor'));
const nurses = DEMO_STAFF.filter((s) => s.roles.includes('nurse'));
const inDepartment = (list: readonly DemoStaff[], department: DemoDepartmentCode | null) =>
  list.filter((s) => s.department === department);
const ADULT_DEPARTMENTS: ReadonlySet<DemoDepartmentCode | null> = new Set([
  'cardiology',
  'endocrinology',
  'respiratory',
  'gastroenterology',
  'neurology',
  'general-practice',
  'checkup-center',
]);

/**
 * Who looks after whom. The demo doctor follows `demoDoctorPatients` and a panel of others; about 70% of all
 * patients have some care team; the last patient has none, so there is always someone nobody is assigned to.
 */
export function planCareTeams(
  patients: readonly DemoPatient[],
  options: { demoDoctorPatients: readonly number[]; today: Date; rng: DemoRandom },
): CareTeamAssignment[] {
  const { rng, today } = options;
  const last = patients.length - 1;
  const fixed = new Set(options.demoDoctorPatients.filter((i) => i < last));
  const others = patients.map((_, i) => i).filter((i) => i !== last && !fixed.has(i));
  const panelSize = Math.min(DEMO_DOCTOR_PANEL, Math.max(0, others.length - OUTSIDE_DEMO_DOCTOR));
  const panel = new Set([...fixed, ...rng.sample(others, panelSize)]);
  const rest = others.filter((i) => !panel.has(i));
  const restShare = rest.length === 0 ? 0 : (CARE_TEAM_SHARE * patients.length - panel.size) / rest.length;

  const demoNurse = nurses.find((n) => n.department === 'cardiology')!;
  const assignments: CareTeamAssignment[] = [];
  const assign = (patientIndex: number, staff: DemoStaff, role: CareTeamAssignment['role']) =>
    assignments.push({ patientIndex, staffEmail: staff.email, role });

  for (let i = 0; i < last; i++) {
    if (panel.has(i)) {
      assign(
        i,
        doctors.find((d) => d.email === DEMO_DOCTOR_EMAIL)!,
        'attending',
      );
      if (fixed.has(i) || rng.chance(0.6)) assign(i, demoNurse, 'nurse');
    } else if (rng.chance(restShare)) {
      const doctor = attendingFor(patients[i]!, today, rng);
      assign(i, doctor, 'attending');
      const teamNurses = inDepartment(nurses, doctor.department);
      if (teamNurses.length > 0 && rng.chance(0.5)) assign(i, rng.pick(teamNurses), 'nurse');
    }
  }
  return assignments;
}

/** Children see a paediatrician, some women of child-bearing age a gynaecologist, everyone else an adult doctor. */
function attendingFor(patient: DemoPatient, today: Date, rng: DemoRandom): DemoStaff {
  const age = ageOn(today, patient.birthDate);
  const candidates =
    age < 14
      ? inDepartment(doctors, 'pediatrics')
      : patient.sex === 'female' && age >= 20 && age <= 45 && rng.chance(0.3)
        ? inDepartment(doctors, 'obstetrics-gynecology')
        : doctors.filter((d) => d.email !== DEMO_DOCTOR_EMAIL && ADULT_DEPARTMENTS.has(d.department));
  return rng.pick(candidates);
}
