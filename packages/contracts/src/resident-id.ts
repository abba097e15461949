/**
 * Citizen identification number of the PRC (居民身份证号码), GB 11643-1999: a 6-digit address code, an 8-digit
 * birth date (YYYYMMDD), a 3-digit sequence code whose last digit is odd for men and even for women, and a check
 * character computed by ISO 7064:1983 MOD 11-2.
 */

export type ResidentIdFailure = 'length' | 'format' | 'region' | 'birth_date' | 'checksum';

export type ResidentIdResult =
  | { ok: true; birthDate: string /* YYYY-MM-DD */; sex: 'male' | 'female'; normalized: string }
  | { ok: false; reason: ResidentIdFailure };

// GB 11643-1999 §8.2: weight of position i (1-based from the left) is 2^(18-i) mod 11.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
// Index: the weighted sum mod 11; value: the check character that makes the full sum ≡ 1 (mod 11).
const CHECK_CHARS = '10X98765432';

/**
 * Province-level codes of GB/T 2260 (first two digits of the address code), Taiwan (71), Hong Kong (81) and
 * Macao (82), plus the 83 and 91 prefixes found on residence and permanent-residence permits.
 */
const PROVINCE_CODES: ReadonlySet<string> = new Set([
  ...range(11, 15),
  ...range(21, 23),
  ...range(31, 37),
  ...range(41, 46),
  ...range(50, 54),
  ...range(61, 65),
  '71',
  '81',
  '82',
  '83',
  '91',
]);

const EARLIEST_BIRTH_YEAR = 1900;

function range(from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
}

/** The check character for the first 17 digits of a resident ID number. Throws if given anything else. */
export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('residentIdCheckChar expects exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** Validates a resident ID number and reads the birth date and sex it encodes. Accepts a lowercase x. */
export function parseResidentId(id: string, options: { now?: Date } = {}): ResidentIdResult {
  const normalized = id.trim().toUpperCase();
  if (normalized.length !== 18) return { ok: false, reason: 'length' };
  if (!/^\d{17}[\dX]$/.test(normalized)) return { ok: false, reason: 'format' };
  if (!PROVINCE_CODES.has(normalized.slice(0, 2))) return { ok: false, reason: 'region' };

  const birthDate = `${normalized.slice(6, 10)}-${normalized.slice(10, 12)}-${normalized.slice(12, 14)}`;
  if (!isPlausibleBirthDate(birthDate, options.now ?? new Date())) return { ok: false, reason: 'birth_date' };

  if (residentIdCheckChar(normalized.slice(0, 17)) !== normalized[17])
    return { ok: false, reason: 'checksum' };

  const sex = Number(normalized[16]) % 2 === 1 ? 'male' : 'female';
  return { ok: true, birthDate, sex, normalized };
}

function isPlausibleBirthDate(isoDate: string, now: Date): boolean {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  if (year < EARLIEST_BIRTH_YEAR) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  const realDate =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  // "Not in the future" is judged at the easternmost time zone (UTC+14), so a child born today anywhere on Earth
  // is accepted whatever the server's clock zone.
  const latestToday = new Date(now.getTime() + 14 * 3_600_000).toISOString().slice(0, 10);
  return realDate && isoDate <= latestToday;
}
