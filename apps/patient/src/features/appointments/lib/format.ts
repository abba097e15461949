/** A fee in fen (1 yuan = 100 fen) as money: "¥25.00" / "CN¥25.00". */
export function feeText(feeFen: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY' }).format(feeFen / 100);
}

/** "3/12 周四" / "Thu, 3/12": short enough for a row of day chips. */
export function shortDayText(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { month: 'numeric', day: 'numeric', weekday: 'short' }).format(
    new Date(iso),
  );
}

/** "3月12日 周四" / "Thu, Mar 12". */
export function dayText(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', weekday: 'short' }).format(
    new Date(iso),
  );
}

/** "09:30". */
export function timeText(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hour12: false }).format(
    new Date(iso),
  );
}

/** "3月12日 周四 09:30". */
export function whenText(iso: string, locale: string): string {
  return `${dayText(iso, locale)} ${timeText(iso, locale)}`;
}

/** The local calendar day of an instant, "2025-03-12", for grouping slots by day. */
export function localDayKey(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
