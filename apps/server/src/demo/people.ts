import { residentIdCheckChar } from '@careloop/contracts';
import { personName, type DemoSex } from './names.ts';
import type { DemoRandom } from './random.ts';

/** Synthetic people for the demo organisation: every value is made up, and the same for a given seed and day. */

export interface DemoAddress {
  province: string;
  city: string;
  district: string;
  line: string;
}

export interface DemoEmergencyContact {
  name: string;
  /** What the contact is to the patient, in the Relationship vocabulary of @careloop/contracts. */
  relationship: 'spouse' | 'child' | 'parent' | 'sibling' | 'other';
  phone: string;
}

export type DemoInsuranceType = 'urban_employee' | 'urban_rural_resident' | 'commercial' | 'self_pay';

export interface DemoInsurance {
  type: DemoInsuranceType;
  number?: string;
  provider?: string;
}

export interface DemoPatient {
  name: string;
  sex: DemoSex;
  birthDate: string;
  nationalId: string;
  phone: string;
  address: DemoAddress;
  emergencyContact: DemoEmergencyContact | null;
  insurance: DemoInsurance;
}

/** Real district codes of GB/T 2260, used both as ID-number prefixes and as home addresses. */
export const REGIONS = [
  { code: '110105', province: '北京市', city: '北京市', district: '朝阳区' },
  { code: '110108', province: '北京市', city: '北京市', district: '海淀区' },
  { code: '310104', province: '上海市', city: '上海市', district: '徐汇区' },
  { code: '310115', province: '上海市', city: '上海市', district: '浦东新区' },
  { code: '440106', province: '广东省', city: '广州市', district: '天河区' },
  { code: '440305', province: '广东省', city: '深圳市', district: '南山区' },
  { code: '320102', province: '江苏省', city: '南京市', district: '玄武区' },
  { code: '330106', province: '浙江省', city: '杭州市', district: '西湖区' },
  { code: '510107', province: '四川省', city: '成都市', district: '武侯区' },
  { code: '420106', province: '湖北省', city: '武汉市', district: '武昌区' },
  { code: '370102', province: '山东省', city: '济南市', district: '历下区' },
  { code: '610113', province: '陕西省', city: '西安市', district: '雁塔区' },
] as const;
export type Region = (typeof REGIONS)[number];

const STREETS = '人民 解放 中山 建设 和平 新华 文化 长江 黄河 友谊 光明 胜利 青年 学府 滨江 东风'.split(' ');
const COMMERCIAL_INSURERS = ['中国人寿', '中国平安', '太平洋保险', '泰康人寿', '新华保险'];
const MOBILE_SECOND_DIGITS = [...'3456789'];
// Children are insured as residents; retirees keep employee insurance or hold resident insurance.
const INSURANCE_BY_AGE: { maxAge: number; weights: Partial<Record<DemoInsuranceType, number>> }[] = [
  { maxAge: 17, weights: { urban_rural_resident: 80, commercial: 15, self_pay: 5 } },
  { maxAge: 60, weights: { urban_employee: 65, urban_rural_resident: 20, commercial: 8, self_pay: 7 } },
  { maxAge: Infinity, weights: { urban_employee: 50, urban_rural_resident: 45, self_pay: 5 } },
];
const DAY_MS = 86_400_000;

/** A mainland mobile number: 11 digits, 1 then 3-9. */
export function mobilePhone(rng: DemoRandom): string {
  return `1${rng.pick(MOBILE_SECOND_DIGITS)}${rng.digits(9)}`;
}

/** A resident ID number (GB 11643-1999) whose birth date and sex digit agree with the person. */
export function residentIdFor(rng: DemoRandom, regionCode: string, birthDate: string, sex: DemoSex): string {
  const sexDigit = rng.int(0, 4) * 2 + (sex === 'male' ? 1 : 0);
  const first17 = regionCode + birthDate.replaceAll('-', '') + rng.digits(2) + String(sexDigit);
  return first17 + residentIdCheckChar(first17);
}

/** A birth date exactly `age` full years before `today` (UTC calendar days). */
export function birthDateForAge(rng: DemoRandom, today: Date, age: number): string {
  const anniversary = Date.UTC(today.getUTCFullYear() - age, today.getUTCMonth(), today.getUTCDate());
  return new Date(anniversary - rng.int(0, 364) * DAY_MS).toISOString().slice(0, 10);
}

export function ageOn(today: Date, birthDate: string): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const month = today.getUTCMonth() + 1;
  const beforeBirthday = month < m || (month === m && today.getUTCDate() < d);
  return today.getUTCFullYear() - y - (beforeBirthday ? 1 : 0);
}

export interface PersonSpec {
  sex: DemoSex;
  region: Region;
  home: DemoAddress;
  /** Either an age (a birth date is drawn) or a fixed birth date. */
  age?: number;
  birthDate?: string;
  name?: string;
  surname?: string;
  /** Minors are reached through their guardian's phone. */
  phone?: string;
}

/** Makes people whose phone and ID numbers are unique, as the database requires. */
export class PeopleFactory {
  readonly #phones: Set<string>;
  readonly #ids = new Set<string>();

  constructor(
    readonly rng: DemoRandom,
    readonly today: Date,
    reservedPhones: readonly string[] = [],
  ) {
    this.#phones = new Set(reservedPhones);
  }

  phone(): string {
    for (;;) {
      const phone = mobilePhone(this.rng);
      if (!this.#phones.has(phone)) {
        this.#phones.add(phone);
        return phone;
      }
    }
  }

  address(region: Region): DemoAddress {
    const { province, city, district } = region;
    const r = this.rng;
    const line = `${r.pick(STREETS)}路${r.int(1, 399)}号${r.int(1, 20)}栋${r.int(1, 4)}单元${r.int(1, 28)}0${r.int(1, 4)}室`;
    return { province, city, district, line };
  }

  person(spec: PersonSpec): DemoPatient {
    const birthDate = spec.birthDate ?? birthDateForAge(this.rng, this.today, spec.age ?? 40);
    // Most people were registered where they live now; some moved from elsewhere.
    const idRegion = this.rng.chance(0.75) ? spec.region : this.rng.pick(REGIONS);
    return {
      name: spec.name ?? personName(this.rng, spec.sex, Number(birthDate.slice(0, 4)), spec.surname),
      sex: spec.sex,
      birthDate,
      nationalId: this.#nationalId(idRegion.code, birthDate, spec.sex),
      phone: spec.phone ?? this.phone(),
      address: spec.home,
      emergencyContact: null,
      insurance: this.#insurance(ageOn(this.today, birthDate)),
    };
  }

  /** Someone outside the household, for people who live alone. */
  outsideContact(patient: DemoPatient): DemoEmergencyContact {
    const age = ageOn(this.today, patient.birthDate);
    const relationship = this.rng.pick<DemoEmergencyContact['relationship']>(
      age >= 50 ? ['child', 'sibling', 'other'] : ['parent', 'sibling', 'other'],
    );
    const sex = this.rng.chance(0.5) ? 'male' : 'female';
    const generationGap = { child: 28, parent: -28, spouse: 0, sibling: 0, other: 0 }[relationship];
    const birthYear = this.today.getUTCFullYear() - age + generationGap;
    return { name: personName(this.rng, sex, birthYear), relationship, phone: this.phone() };
  }

  #nationalId(region: string, birthDate: string, sex: DemoSex): string {
    for (;;) {
      const id = residentIdFor(this.rng, region, birthDate, sex);
      if (!this.#ids.has(id)) {
        this.#ids.add(id);
        return id;
      }
    }
  }

  #insurance(age: number): DemoInsurance {
    const { weights } = INSURANCE_BY_AGE.find((band) => age <= band.maxAge)!;
    const type = this.rng.weighted(weights as Record<DemoInsuranceType, number>);
    if (type !== 'commercial') return { type };
    return { type, provider: this.rng.pick(COMMERCIAL_INSURERS), number: `BD${this.rng.digits(14)}` };
  }
}
