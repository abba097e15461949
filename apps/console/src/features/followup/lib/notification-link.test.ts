import { describe, expect, it } from 'vitest';
import { consoleLink } from './notification-link';

describe('notification links', () => {
  it('follows app-relative links inside the console, with or without its base', () => {
    expect(consoleLink('/patients/abc?tab=followup')).toBe('/patients/abc?tab=followup');
    expect(consoleLink('/console/followup')).toBe('/followup');
    expect(consoleLink('/console')).toBe('/');
  });

  it('does not follow links to other sites', () => {
    expect(consoleLink('https://example.com/x')).toBeNull();
    expect(consoleLink('//example.com/x')).toBeNull();
    expect(consoleLink('javascript:alert(1)')).toBeNull();
    expect(consoleLink(null)).toBeNull();
  });
});
