import { Button } from 'antd-mobile';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { Loading } from '../../../ui/Loading.tsx';
import { ErrorNotice } from '../../../ui/Notice.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useElderMode } from '../../preferences/hooks/useElderMode.ts';
import { useRecordPatient } from '../../records/hooks/useRecordPatient.ts';
import { fetchAdherence } from '../api/medications.api.ts';
import { AdherenceChart } from './AdherenceChart.tsx';
import '../medications.css';

const pct = (rate: number | null) => (rate === null ? null : Math.round(rate * 100));

/** How many due doses were taken, over 7 or 30 days: per day and per medication, as charts and in words. */
export function AdherencePage() {
  const { t } = useTranslation();
  const { elderMode } = useElderMode();
  const { patientId } = useRecordPatient();
  const [days, setDays] = useState<7 | 30>(7);
  const query = useQuery({
    queryKey: ['medications', 'adherence', patientId, days],
    queryFn: () => fetchAdherence(patientId!, days),
    enabled: patientId !== undefined,
  });
  const data = query.data;
  return (
    <div className="page stack">
      <PageHeader title={t('meds.adherence.title')} backTo="/medications/today" />
      <div className="seg" role="group" aria-label={t('meds.adherence.period')}>
        {([7, 30] as const).map((d) => (
          <Button
            key={d}
            color={d === days ? 'primary' : 'default'}
            aria-pressed={d === days}
            onClick={() => setDays(d)}
          >
            {t('meds.adherence.days', { count: d })}
          </Button>
        ))}
      </div>
      <ErrorNotice error={query.error} />
      {query.isLoading && <Loading />}
      {data && data.overall.rate === null && <EmptyState title={t('meds.adherence.empty')} />}
      {data && data.overall.rate !== null && (
        <>
          <section className="card" aria-labelledby="adh-overall" data-testid="adherence-overall">
            <h2 id="adh-overall">{t('meds.adherence.overall', { rate: pct(data.overall.rate) })}</h2>
            <p className="muted">
              {t('meds.adherence.counts', {
                taken: data.overall.taken,
                late: data.overall.late,
                skipped: data.overall.skipped,
                missed: data.overall.missed,
              })}
            </p>
          </section>
          <section className="card" aria-labelledby="adh-daily">
            <h2 id="adh-daily">{t('meds.adherence.daily')}</h2>
            <AdherenceChart
              testId="adherence-daily-chart"
              label={t('meds.adherence.dailyChart', { rate: pct(data.overall.rate) })}
              elder={elderMode}
              threshold={80}
              categories={data.daily.map((d) => d.date.slice(5))}
              series={[
                { name: t('meds.adherence.overallShort'), values: data.daily.map((d) => pct(d.rate)) },
              ]}
            />
          </section>
          <section className="card" aria-labelledby="adh-meds">
            <h2 id="adh-meds">{t('meds.adherence.perMedication')}</h2>
            <AdherenceChart
              testId="adherence-medication-chart"
              label={data.perMedication
                .map((m) => `${m.drugName} ${pct(m.rate) ?? '—'}%`)
                .join(t('common.listSeparator'))}
              elder={elderMode}
              threshold={80}
              categories={data.perMedication.map((m) => m.drugName.slice(0, 8))}
              series={[
                {
                  name: t('meds.adherence.overallShort'),
                  values: data.perMedication.map((m) => pct(m.rate)),
                },
              ]}
            />
            <ul className="plain-list">
              {data.perMedication.map((m) => (
                <li key={m.scheduleId}>
                  {m.drugName}: {pct(m.rate) ?? '—'}%
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </div>
  );
}
