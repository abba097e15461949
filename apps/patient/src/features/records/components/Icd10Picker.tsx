import { useQuery } from '@tanstack/react-query';
import { Button } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../ui/Field.tsx';
import { errorText } from '../../../ui/Notice.tsx';
import { searchIcd10 } from '../api/records.api.ts';

export interface Icd10Choice {
  icd10: string | null;
  display: string;
}

interface Icd10PickerProps {
  value: Icd10Choice;
  onChange: (value: Icd10Choice) => void;
  error?: string;
}

function useDebounced(value: string, ms: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** A condition by ICD-10 search (name, pinyin initials such as "gxy", or code), or as free text. */
export function Icd10Picker({ value, onChange, error }: Icd10PickerProps) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 250);
  const search = useQuery({
    queryKey: ['codes', 'icd10', q],
    queryFn: () => searchIcd10(q, 8),
    enabled: q.length > 0 && value.display === '',
    staleTime: 5 * 60_000,
  });
  const zh = i18n.language === 'zh-CN';

  if (value.display !== '') {
    return (
      <div className="field" data-testid="condition-chosen">
        <span className="field-label">{t('condition.display')}</span>
        <p>
          {value.icd10 ? t('condition.selected', { name: value.display, code: value.icd10 }) : value.display}
        </p>
        <div>
          <Button
            size="small"
            fill="outline"
            color="primary"
            onClick={() => {
              setText(value.display);
              onChange({ icd10: null, display: '' });
            }}
            data-testid="condition-change"
          >
            {t('condition.change')}
          </Button>
        </div>
      </div>
    );
  }

  const results = search.data ?? [];
  return (
    <div>
      <TextField
        label={t('condition.search')}
        hint={t('condition.searchHint')}
        value={text}
        onChange={setText}
        autoComplete="off"
        enterKeyHint="search"
        error={error ?? (search.error ? errorText(search.error, t('errors.generic')) : undefined)}
        testId="condition-search"
      />
      <p className="sr-only" role="status">
        {q && search.data ? `${t('condition.results')}: ${results.length}` : ''}
      </p>
      {results.length > 0 && (
        <ul className="search-results" aria-label={t('condition.results')}>
          {results.map((r) => (
            <li key={r.code}>
              <button
                type="button"
                onClick={() => onChange({ icd10: r.code, display: zh ? r.zh : r.en })}
                data-testid="icd10-option"
              >
                <span>{zh ? r.zh : r.en}</span>
                <code>{r.code}</code>
              </button>
            </li>
          ))}
        </ul>
      )}
      {q && search.data && results.length === 0 && <p className="muted">{t('condition.noMatch')}</p>}
      {text.trim() !== '' && (
        <Button
          size="small"
          fill="outline"
          onClick={() => onChange({ icd10: null, display: text.trim() })}
          data-testid="condition-free-text"
          style={{ marginBottom: 'var(--cl-gap)' }}
        >
          {t('condition.useFreeText', { text: text.trim() })}
        </Button>
      )}
    </div>
  );
}
