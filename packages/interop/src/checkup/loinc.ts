// LOINC codes are digits, a hyphen and a mod-10 check digit (LOINC Users' Guide, "Calculating Mod 10 check
// digits"): the same digit the Luhn algorithm gives, so 2345-7 is valid and 2345-6 is not.

const FORMAT = /^(\d{1,7})-(\d)$/;

/** Looks like a LOINC code (digits-digit), whatever its check digit. */
export const looksLikeLoinc = (code: string): boolean => FORMAT.test(code.trim());

export function isValidLoinc(code: string): boolean {
  const match = FORMAT.exec(code.trim());
  if (!match?.[1] || match[2] === undefined) return false;
  const digits = match[1] + match[2];
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}
