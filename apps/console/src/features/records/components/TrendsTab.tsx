import { PlusOutlined } from '@ant-design/icons';
import type { ObservationCodeSummary } from '@careloop/contracts';
import { Alert, Button, Form, Segmented, Select, Skeleton } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { QueryError } from '../../../components/QueryError';
import { useObservationCodes } from '../hooks/use-record';
import { defaultTrendCode } from '../lib/default-code';
import { flagView } from '../lib/flags';
import { formatValue } from '../lib/format';
import { isTimeRange, TIME_RANGES, type TimeRange } from '../lib/time-range';
import '../records.css';
import { ObservationFormModal } from './ObservationFormModal';
import { RecentValuesCard } from './RecentValuesCard';
import { RecordEmpty } from './RecordCard';
import { TrendChartPanel } from './TrendChartPanel';

function optionLabel(c: ObservationCodeSummary, language: string): string {
  const latest = formatValue(c.latest.value, c.latest.valueText, c.unit, language);
  const arrow = flagView(c.latest.flag)?.arrow ?? '';
  return `${c.name} · ${latest}${arrow ? ` ${arrow}` : ''}`;
}

/** Pick an item and a time range; the curve (with its reference band) is the main view, the last values below. */
export function TrendsTab({ patientId, canEdit }: { patientId: string; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const codes = useObservationCodes(patientId);
  const [adding, setAdding] = useState(false);
  const rangeParam = params.get('range');
  // All time by default: checkups come once a year, and a year's window would often hold a single point.
  const range: TimeRange = isTimeRange(rangeParam) ? rangeParam : 'all';
  const items = useMemo(() => codes.data ?? [], [codes.data]);
  const code = params.get('code') ?? defaultTrendCode(items);
  const picked = items.find((c) => c.code === code) ?? null;

  function set(name: 'code' | 'range', value: string) {
    setParams((prev) => {
      const out = new URLSearchParams(prev);
      out.set('tab', 'trends');
      out.set(name, value);
      return out;
    });
  }

  if (codes.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (codes.isError) return <QueryError error={codes.error} onRetry={() => void codes.refetch()} />;

  const addButton = canEdit ? (
    <Button icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)} data-testid="add-observation">
      {t('record.trends.addReading')}
    </Button>
  ) : null;

  return (
    <section className="record-trends" aria-labelledby="trends-heading" data-testid="record-trends">
      <h2 id="trends-heading" className="visually-hidden">
        {t('record.tabs.trends')}
      </h2>
      <Form layout="inline" className="trend-controls" component="div">
        <Form.Item label={t('record.trends.item')} htmlFor="trend-code">
          <Select
            id="trend-code"
            className="trend-controls__code"
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('record.trends.itemPlaceholder')}
            value={picked ? picked.code : undefined}
            onChange={(value: string) => set('code', value)}
            options={items.map((c) => ({ value: c.code, label: optionLabel(c, i18n.language) }))}
            disabled={items.length === 0}
            data-testid="trend-code"
          />
        </Form.Item>
        <Form.Item label={t('record.trends.range')}>
          <Segmented<TimeRange>
            value={range}
            onChange={(value) => set('range', value)}
            options={TIME_RANGES.map((r) => ({ value: r, label: t(`record.trends.ranges.${r}`) }))}
            data-testid="trend-range"
          />
        </Form.Item>
        <div className="trend-controls__actions">{addButton}</div>
      </Form>
      {items.length === 0 ? (
        <RecordEmpty text={t('record.trends.noCodes')} />
      ) : picked ? (
        <>
          {picked.numeric ? (
            <TrendChartPanel patientId={patientId} picked={picked} range={range} />
          ) : (
            <Alert type="info" showIcon title={t('record.trends.notNumeric')} className="form-alert" />
          )}
          <RecentValuesCard patientId={patientId} code={picked.code} name={picked.name} canEdit={canEdit} />
        </>
      ) : null}
      {adding ? (
        <ObservationFormModal
          patientId={patientId}
          initialCode={picked?.codeSystem === 'loinc' ? picked.code : undefined}
          onClose={(savedCode) => {
            setAdding(false);
            if (savedCode) set('code', savedCode);
          }}
        />
      ) : null}
    </section>
  );
}
