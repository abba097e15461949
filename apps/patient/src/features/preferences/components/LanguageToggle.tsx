import { useTranslation } from 'react-i18next';
import { useLocale } from '../hooks/useLocale.ts';

/** One tap to the other language, for the signed-out pages. */
export function LanguageToggle() {
  const { t } = useTranslation();
  const { locale, setLocale } = useLocale();
  const other = locale === 'zh-CN' ? 'en-US' : 'zh-CN';
  return (
    <button
      type="button"
      className="chip"
      lang={other}
      onClick={() => setLocale(other)}
      data-testid="login-lang-toggle"
    >
      {t('auth.switchLanguage')}
    </button>
  );
}
