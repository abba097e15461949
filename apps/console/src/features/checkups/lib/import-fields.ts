/**
 * The field of an import problem as the person knows it: the template's column name in their language
 * ("nationalId" -> 身份证号), several fields separated (the server joins them with commas), unknown ones as sent.
 */
export function fieldLabels(field: string, nameOf: (key: string) => string | null): string {
  return field
    .split(',')
    .map((key) => key.trim())
    .filter((key) => key !== '')
    .map((key) => nameOf(key) ?? key)
    .join(', ');
}
