import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setApiLanguage } from '../api/client';
import { enUS } from './en-US';
import { zhCN } from './zh-CN';

export type Language = 'zh-CN' | 'en-US';
export const LANGUAGES: readonly Language[] = ['zh-CN', 'en-US'];

export const resources = {
  'zh-CN': { translation: zhCN },
  'en-US': { translation: enUS },
} as const;

/** The browser's choice: any Chinese variant gives zh-CN, everything else en-US. */
export function browserLanguage(): Language {
  const preferred = typeof navigator === 'undefined' ? '' : navigator.language;
  return preferred.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en-US';
}

export function currentLanguage(): Language {
  return i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
}

function reflect(language: string): void {
  setApiLanguage(language);
  document.documentElement.lang = language;
  document.title = i18n.t('app.title');
}

export async function initI18n(): Promise<void> {
  i18n.on('languageChanged', reflect);
  await i18n.use(initReactI18next).init({
    resources,
    lng: browserLanguage(),
    fallbackLng: 'zh-CN',
    supportedLngs: LANGUAGES,
    // React escapes every string it renders, so i18next must not escape a second time.
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  });
  reflect(i18n.language);
}

export { i18n };
