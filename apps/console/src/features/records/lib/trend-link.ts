/** The patient page's URL search of the Trends tab opened at one code (`?tab=trends&code=8480-6`). */
export function trendSearch(code: string): string {
  return `?${new URLSearchParams({ tab: 'trends', code }).toString()}`;
}

/** The patient page's URL search of one checkup report in the Checkups tab. */
export function checkupSearch(reportId: string): string {
  return `?${new URLSearchParams({ tab: 'checkups', report: reportId }).toString()}`;
}
