import type { DemoSex } from './names.ts';
import { PeopleFactory, REGIONS, ageOn, type DemoEmergencyContact, type DemoPatient } from './people.ts';
import { DemoRandom } from './random.ts';

/** The demo's patients, grouped into households that each share one patient account (family 就诊人). */

export type HouseholdRelationship = 'self' | 'spouse' | 'child' | 'parent';

/** One patient account (logging in with the head's phone) and the profiles it manages; the head comes first. */
export interface DemoHousehold {
  accountPhone: string;
  members: { relationship: HouseholdRelationship; patient: DemoPatient }[];
}

export const DEMO_SEED = 20_240_501;

/** Logins every demo walkthrough starts from: 张伟 with his spouse and child, and 王芳 who manages only herself. */
export const WELL_KNOWN_PHONES = { zhangWei: '13800000001', wangFang: '13800000002' } as const;

// Who lives with the head of a household, keyed by the members besides the head; about a third live alone.
const HOUSEHOLD_PLANS = {
  '': 30,
  spouse: 18,
  child: 6,
  parent: 6,
  'spouse child': 10,
  'spouse parent': 8,
  'child child': 7,
  'spouse child child': 10,
  'spouse child parent': 5,
} as const;

// The head as seen from each member, for the member's emergency contact.
const HEAD_AS: Record<Exclude<HouseholdRelationship, 'self'>, DemoEmergencyContact['relationship']> = {
  spouse: 'spouse',
  child: 'parent',
  parent: 'child',
};

/**
 * Households holding exactly `max(patients, 4)` patients: first the well-known families, then random ones.
 * The same seed and day always give the same people.
 */
export function generateDemoHouseholds(options: {
  patients: number;
  today: Date;
  seed?: number;
}): DemoHousehold[] {
  const rng = new DemoRandom(options.seed ?? DEMO_SEED);
  const people = new PeopleFactory(rng, options.today, Object.values(WELL_KNOWN_PHONES));
  const households = wellKnownHouseholds(people);
  let remaining = options.patients - households.reduce((n, h) => n + h.members.length, 0);
  while (remaining > 0) {
    const household = randomHousehold(people, remaining);
    households.push(household);
    remaining -= household.members.length;
  }
  return households;
}

function wellKnownHouseholds(people: PeopleFactory): DemoHousehold[] {
  const [beijing, , shanghai] = REGIONS;
  const zhangHome = people.address(beijing);
  const zhangWei = people.person({
    name: '张伟',
    sex: 'male',
    birthDate: '1968-05-12',
    region: beijing,
    home: zhangHome,
    phone: WELL_KNOWN_PHONES.zhangWei,
  });
  const liNa = people.person({
    name: '李娜',
    sex: 'female',
    birthDate: '1970-09-03',
    region: beijing,
    home: zhangHome,
  });
  const zhangXiaoyu = people.person({
    name: '张小宇',
    sex: 'male',
    birthDate: '2016-03-21',
    region: beijing,
    home: zhangHome,
    phone: WELL_KNOWN_PHONES.zhangWei,
  });
  const zhang: DemoHousehold = {
    accountPhone: WELL_KNOWN_PHONES.zhangWei,
    members: [
      { relationship: 'self', patient: zhangWei },
      { relationship: 'spouse', patient: liNa },
      { relationship: 'child', patient: zhangXiaoyu },
    ],
  };

  const wangFang = people.person({
    name: '王芳',
    sex: 'female',
    birthDate: '1985-11-30',
    region: shanghai,
    home: people.address(shanghai),
    phone: WELL_KNOWN_PHONES.wangFang,
  });
  const wang: DemoHousehold = {
    accountPhone: WELL_KNOWN_PHONES.wangFang,
    members: [{ relationship: 'self', patient: wangFang }],
  };

  linkEmergencyContacts(people, zhang);
  linkEmergencyContacts(people, wang);
  return [zhang, wang];
}

function randomHousehold(people: PeopleFactory, maxSize: number): DemoHousehold {
  const rng = people.rng;
  const region = rng.pick(REGIONS);
  const home = people.address(region);
  const headAge = rng.int(22, 88);
  const head = people.person({ sex: randomSex(rng), age: headAge, region, home });
  const household: DemoHousehold = {
    accountPhone: head.phone,
    members: [{ relationship: 'self', patient: head }],
  };

  const plan = rng.weighted(HOUSEHOLD_PLANS).split(' ').filter(Boolean) as HouseholdRelationship[];
  let spouse: DemoPatient | undefined;
  // Parents were 23 to 34 at their first child's birth; each later child is 1 to 12 years younger.
  let youngestChildAge = headAge - 22;
  for (const relationship of plan.slice(0, maxSize - 1)) {
    const member = { region, home };
    let patient: DemoPatient | undefined;
    if (relationship === 'spouse') {
      const age = Math.min(90, Math.max(20, headAge + rng.int(-4, 4)));
      patient = spouse = people.person({ ...member, sex: opposite(head.sex), age });
    } else if (relationship === 'child') {
      const age = youngestChildAge - rng.int(1, 12);
      if (age < 1) continue;
      youngestChildAge = age;
      // Children take the father's surname; a minor is reached through the account holder's phone.
      const father = head.sex === 'male' ? head : spouse;
      const surname = (father ?? head).name.slice(0, 1);
      const phone = age < 18 ? head.phone : undefined;
      patient = people.person({ ...member, sex: randomSex(rng), age, surname, phone });
    } else if (relationship === 'parent') {
      const age = headAge + rng.int(22, 32);
      if (age > 90) continue;
      const sex = randomSex(rng);
      // The head's father shares the head's surname; the mother kept her own.
      const surname = sex === 'male' ? head.name.slice(0, 1) : undefined;
      patient = people.person({ ...member, sex, age, surname });
    }
    if (patient) household.members.push({ relationship, patient });
  }
  linkEmergencyContacts(people, household);
  return household;
}

/** Members name the head as emergency contact; the head names the spouse, a parent, an adult child or an outsider. */
function linkEmergencyContacts(people: PeopleFactory, household: DemoHousehold): void {
  const head = household.members[0]!.patient;
  for (const { relationship, patient } of household.members) {
    if (relationship === 'self') continue;
    patient.emergencyContact = { name: head.name, relationship: HEAD_AS[relationship], phone: head.phone };
  }
  const contact =
    household.members.find((m) => m.relationship === 'spouse') ??
    household.members.find((m) => m.relationship === 'parent') ??
    household.members.find(
      (m) => m.relationship === 'child' && ageOn(people.today, m.patient.birthDate) >= 18,
    );
  head.emergencyContact = contact
    ? {
        name: contact.patient.name,
        relationship: asContact(contact.relationship),
        phone: contact.patient.phone,
      }
    : people.outsideContact(head);
}

/** A member's relationship to the head is also what they are as the head's emergency contact. */
function asContact(relationship: HouseholdRelationship): DemoEmergencyContact['relationship'] {
  return relationship === 'self' ? 'other' : relationship;
}

function randomSex(rng: DemoRandom): DemoSex {
  return rng.chance(0.5) ? 'male' : 'female';
}

function opposite(sex: DemoSex): DemoSex {
  return sex === 'male' ? 'female' : 'male';
}
