import type { Locale } from '@careloop/contracts';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { enUS } from './en-US.ts';
import { zhCN } from './zh-CN.ts';

export const LOCALES: readonly Locale[] = ['zh-CN', 'en-US'];
const STORAGE_KEY = 'careloop.locale';

/** zh-* browsers get Chinese, everyone else English. */
export function localeFromBrowser(languages: readonly string[]): Locale {
  const first = languages[0] ?? '';
  return first.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en-US';
}

function storedLocale(): Locale | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'zh-CN' || value === 'en-US' ? value : null;
  } catch {
    return null;
  }
}

export function currentLocale(): Locale {
  return i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
}

/** Switches the UI language, remembers the choice on this device and keeps <html lang> in step. */
export async function applyLocale(locale: Locale): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode or storage full: the choice still applies for this visit.
  }
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
}

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
  document.title = i18n.t('app.name');
});

export async function initI18n(): Promise<void> {
  const navigatorLanguages = navigator.languages.length > 0 ? navigator.languages : [navigator.language];
  await i18n.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } },
    lng: storedLocale() ?? localeFromBrowser(navigatorLanguages),
    fallbackLng: false,
    supportedLngs: LOCALES,
    interpolation: { escapeValue: false }, // React escapes on render.
  });
}

export { i18n };
