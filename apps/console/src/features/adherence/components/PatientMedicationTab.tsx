import { Alert, Card, Segmented, Spin, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { medicationApi } from '../api/medication-api';
import { AdherenceChart } from './AdherenceChart';

const pct = (rate: number | null) => (rate === null ? null : Math.round(rate * 100));

/** The care team's view of a patient's adherence: rate per medication and a chart over 7 or 30 days. */
export function PatientMedicationTab({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const [days, setDays] = useState<7 | 30>(30);
  const query = useQuery({
    queryKey: ['adherence', patientId, days],
    queryFn: () => medicationApi.adherence(patientId, days),
  });
  const data = query.data;
  return (
    <Card
      title={t('medication.adherence.title')}
      extra={
        <Segmented
          value={days}
          onChange={(v) => setDays(v as 7 | 30)}
          options={[
            { value: 7, label: t('medication.adherence.days', { count: 7 }) },
            { value: 30, label: t('medication.adherence.days', { count: 30 }) },
          ]}
        />
      }
    >
      {query.isLoading && <Spin />}
      {query.error && <Alert type="error" message={(query.error as Error).message} />}
      {data && data.overall.rate === null && <Alert type="info" message={t('medication.adherence.empty')} />}
      {data && data.overall.rate !== null && (
        <>
          <p data-testid="console-adherence-overall">
            <strong>{t('medication.adherence.overall', { rate: pct(data.overall.rate) })}</strong>{' '}
            {t('medication.adherence.counts', data.overall)}
          </p>
          <AdherenceChart
            label={t('medication.adherence.chart', { rate: pct(data.overall.rate) })}
            overallName={t('medication.adherence.overallShort')}
            dates={data.daily.map((d) => d.date.slice(5))}
            overall={data.daily.map((d) => pct(d.rate))}
            medications={data.perMedication.map((m) => ({ name: m.drugName, values: m.daily.map(pct) }))}
          />
          <Table
            rowKey="scheduleId"
            size="small"
            pagination={false}
            dataSource={data.perMedication}
            columns={[
              { title: t('medication.adherence.drug'), dataIndex: 'drugName' },
              { title: t('medication.adherence.rate'), render: (_, m) => `${pct(m.rate) ?? '—'}%` },
              { title: t('medication.adherence.taken'), dataIndex: 'taken' },
              { title: t('medication.adherence.late'), dataIndex: 'late' },
              { title: t('medication.adherence.skipped'), dataIndex: 'skipped' },
              { title: t('medication.adherence.missed'), dataIndex: 'missed' },
            ]}
          />
        </>
      )}
    </Card>
  );
}
