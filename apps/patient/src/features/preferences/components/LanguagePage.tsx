import type { Locale } from '@careloop/contracts';
import { useTranslation } from 'react-i18next';
import { errorText, Notice } from '../../../ui/Notice.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useLocale } from '../hooks/useLocale.ts';

const options: { locale: Locale; labelKey: 'language.zhCN' | 'language.enUS' }[] = [
  { locale: 'zh-CN', labelKey: 'language.zhCN' },
  { locale: 'en-US', labelKey: 'language.enUS' },
];

export function LanguagePage() {
  const { t } = useTranslation();
  const { locale, setLocale, saveError } = useLocale();
  return (
    <div className="page">
      <PageHeader title={t('language.title')} backTo="/me" />
      {saveError !== null && (
        <Notice tone="error">
          {t('language.saveFailed', { reason: errorText(saveError, t('errors.generic')) })}
        </Notice>
      )}
      <fieldset className="choice-group">
        <legend>{t('language.legend')}</legend>
        {options.map((option) => (
          <label
            key={option.locale}
            className="choice"
            lang={option.locale}
            data-testid={`lang-${option.locale}`}
          >
            <input
              type="radio"
              name="language"
              value={option.locale}
              checked={locale === option.locale}
              onChange={() => setLocale(option.locale)}
            />
            <span>{t(option.labelKey)}</span>
          </label>
        ))}
      </fieldset>
    </div>
  );
}
