import type { Icd10Entry } from '@careloop/contracts';
import { Select, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebounced } from '../hooks/use-debounced';
import { useIcd10Search } from '../hooks/use-record';

interface Props {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  onPicked?: (entry: { code: string; name: string } | null) => void;
  /** The name to show beside the current code before any search (the entry's diagnosis name). */
  currentName?: string;
  disabled?: boolean;
}

export function icd10Name(entry: Pick<Icd10Entry, 'zh' | 'en'>, language: string): string {
  return language === 'en-US' ? entry.en : entry.zh;
}

/**
 * ICD-10 look-up as you type (debounced): by code, Chinese or English name, or pinyin initials (gxy -> 高血压 I10).
 * Each option shows the code and the name in the UI language; a form control (value = the code).
 */
export function Icd10Select({ id, value, onChange, onPicked, currentName, disabled }: Props) {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  // The label of the code picked last, so the field keeps showing "I10 高血压" after the search is cleared.
  const [pickedLabel, setPickedLabel] = useState<{ code: string; label: string } | null>(null);
  const q = useDebounced(query.trim(), 250);
  const search = useIcd10Search(q);
  const results = q ? (search.data ?? []) : [];
  const options = results.map((entry) => ({
    value: entry.code,
    label: `${entry.code} ${icd10Name(entry, i18n.language)}`,
  }));
  // The current code, with its name, also when the search does not list it.
  if (value && !options.some((o) => o.value === value)) {
    const label =
      pickedLabel?.code === value ? pickedLabel.label : currentName ? `${value} ${currentName}` : value;
    options.unshift({ value, label });
  }
  const searching = query.trim() !== q || search.isFetching;

  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setQuery, searchValue: query }}
      allowClear
      disabled={disabled}
      value={value || undefined}
      placeholder={t('record.fields.icd10Placeholder')}
      options={options}
      notFoundContent={
        searching ? (
          <span>
            <Spin size="small" /> {t('record.fields.icd10Searching')}
          </span>
        ) : q ? (
          t('record.fields.icd10None')
        ) : null
      }
      onChange={(code: string | undefined) => {
        const picked = results.find((e) => e.code === code);
        setPickedLabel(
          picked ? { code: picked.code, label: `${picked.code} ${icd10Name(picked, i18n.language)}` } : null,
        );
        onChange?.(code ?? null);
        onPicked?.(picked ? { code: picked.code, name: icd10Name(picked, i18n.language) } : null);
        setQuery('');
      }}
      data-testid="icd10-select"
      popupMatchSelectWidth={false}
      className="full-width"
    />
  );
}
