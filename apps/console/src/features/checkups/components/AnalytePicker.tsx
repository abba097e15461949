import { Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Analyte } from '../api/analytes-api';
import { useAnalytes } from '../hooks/use-mappings';
import { analyteLabel, matchesAnalyte } from '../lib/analytes';

interface Props {
  id?: string;
  value?: string | string[];
  onChange?: (value: string | string[]) => void;
  multiple?: boolean;
  /** Extra options before the code table (e.g. "any item" for follow-up rules). */
  extraOptions?: { value: string; label: string }[];
  'aria-label'?: string;
  'data-testid'?: string;
}

/**
 * Picks LOINC items from the code table (/codes/analytes), searchable by Chinese or English name and by code.
 * Works as a Form.Item control (value/onChange), single or multiple.
 */
export function AnalytePicker({ id, value, onChange, multiple, extraOptions = [], ...rest }: Props) {
  const { t, i18n } = useTranslation();
  const analytes = useAnalytes();
  const byCode = useMemo(
    () => new Map<string, Analyte>((analytes.data ?? []).map((a) => [a.loinc, a])),
    [analytes.data],
  );
  const options = useMemo(
    () => [
      ...extraOptions,
      ...(analytes.data ?? []).map((a) => ({ value: a.loinc, label: analyteLabel(a, i18n.language) })),
    ],
    [analytes.data, extraOptions, i18n.language],
  );

  return (
    <Select<string | string[]>
      id={id}
      mode={multiple ? 'multiple' : undefined}
      showSearch={{
        filterOption: (input, option) => {
          const code = String(option?.value ?? '');
          const analyte = byCode.get(code);
          return analyte ? matchesAnalyte(analyte, input) : String(option?.label ?? '').includes(input);
        },
      }}
      value={value}
      onChange={(next) => onChange?.(next)}
      options={options}
      loading={analytes.isPending}
      notFoundContent={analytes.isError ? t('errors.loadFailed') : undefined}
      placeholder={t('analytePicker.placeholder')}
      allowClear={!multiple}
      className="full-width"
      {...rest}
    />
  );
}
