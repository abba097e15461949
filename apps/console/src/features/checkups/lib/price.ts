/** Fen (CNY cents) as money in the UI language: ¥1,280.00. */
export function formatPrice(cents: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'currency', currency: 'CNY' }).format(cents / 100);
}

/** Yuan typed in a form (up to two decimals) as fen; null for an empty field. */
export function yuanToCents(yuan: number | null | undefined): number | null {
  if (yuan === null || yuan === undefined || Number.isNaN(yuan)) return null;
  return Math.round(yuan * 100);
}

export function centsToYuan(cents: number | null): number | null {
  return cents === null ? null : cents / 100;
}
