// The apps' own dictionaries, so the journeys assert what a person reads in either language without copying it.
import { enUS as consoleEn } from '../../../apps/console/src/i18n/en-US.ts';
import { zhCN as consoleZh } from '../../../apps/console/src/i18n/zh-CN.ts';
import { enUS as patientEn } from '../../../apps/patient/src/i18n/en-US.ts';
import { zhCN as patientZh } from '../../../apps/patient/src/i18n/zh-CN.ts';

export type Locale = 'zh-CN' | 'en-US';

export const patientText = { 'zh-CN': patientZh, 'en-US': patientEn } as const;
export const consoleText = { 'zh-CN': consoleZh, 'en-US': consoleEn } as const;

/** i18next interpolation: `fill('Hello, {{name}}', { name: 'A' })` gives `Hello, A`. */
export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => String(params[key] ?? ''));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A template as a pattern: the given parameters literally, the others as any text. */
export function templatePattern(template: string, params: Record<string, string | number> = {}): RegExp {
  const parts = template.split(/(\{\{\s*\w+\s*\}\})/);
  const source = parts
    .map((part) => {
      const key = /^\{\{\s*(\w+)\s*\}\}$/.exec(part)?.[1];
      if (key === undefined) return escapeRegExp(part);
      return key in params ? escapeRegExp(String(params[key])) : '.+?';
    })
    .join('');
  return new RegExp(source);
}

/** The home greeting for any time of day (morning, afternoon or evening). */
export function greetingPattern(locale: Locale, name: string): RegExp {
  const home = patientText[locale].home;
  return new RegExp(
    [home.morning, home.afternoon, home.evening].map((t) => templatePattern(t, { name }).source).join('|'),
  );
}
