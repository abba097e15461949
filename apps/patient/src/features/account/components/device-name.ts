/** A short, human name for a browser's user-agent string ("Chrome · Android"); null when it says nothing. */
export function deviceName(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const browser =
    [
      ['MicroMessenger', 'WeChat'],
      ['Edg/', 'Edge'],
      ['HeadlessChrome', 'Chrome (headless)'],
      ['Chrome/', 'Chrome'],
      ['Firefox/', 'Firefox'],
      ['Safari/', 'Safari'],
    ].find(([needle]) => needle !== undefined && userAgent.includes(needle))?.[1] ?? null;
  const os =
    [
      ['Android', 'Android'],
      ['iPhone', 'iPhone'],
      ['iPad', 'iPad'],
      ['Windows', 'Windows'],
      ['Mac OS X', 'macOS'],
      ['Linux', 'Linux'],
    ].find(([needle]) => needle !== undefined && userAgent.includes(needle))?.[1] ?? null;
  const parts = [browser, os].filter((p): p is string => p !== null);
  return parts.length > 0 ? parts.join(' · ') : userAgent.slice(0, 60);
}
