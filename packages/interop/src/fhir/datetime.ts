// FHIR R4 date, dateTime and instant (https://hl7.org/fhir/R4/datatypes.html#primitive): ISO 8601 subsets.
const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const DATE_TIME =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T([01]\d|2[0-3]):([0-5]\d):([0-5]\d|60)(?:\.\d{1,9})?(?:Z|[+-](?:0\d|1[0-3]):[0-5]\d|[+-]14:00))?)?)?$/;

const daysIn = (year: number, month: number): number =>
  month === 2
    ? year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
      ? 29
      : 28
    : [4, 6, 9, 11].includes(month)
      ? 30
      : 31;

function calendarOk(match: RegExpExecArray): boolean {
  const year = Number(match[1]);
  if (year < 1) return false; // FHIR has no year 0000
  if (match[2] === undefined) return true;
  const month = Number(match[2]);
  if (month < 1 || month > 12) return false;
  if (match[3] === undefined) return true;
  const day = Number(match[3]);
  return day >= 1 && day <= daysIn(year, month);
}

/** A FHIR `date` (YYYY, YYYY-MM or YYYY-MM-DD) with a real calendar day. */
export function isFhirDate(value: string): boolean {
  const match = DATE.exec(value);
  return match !== null && calendarOk(match);
}

/** A FHIR `dateTime`: a date, or a full date with time and time zone (an `instant` is the latter). */
export function isFhirDateTime(value: string): boolean {
  const match = DATE_TIME.exec(value);
  if (match === null || !calendarOk(match)) return false;
  // A time needs a time zone (the regex makes it optional so that a missing one fails here, not silently).
  return match[4] === undefined || /(?:Z|[+-]\d{2}:\d{2})$/.test(value);
}
