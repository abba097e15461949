import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { Loading } from '../../../ui/Loading.tsx';
import { ErrorNotice } from '../../../ui/Notice.tsx';
import { ActingFor, RecordFrame, type RecordContext } from '../../records/components/RecordFrame.tsx';
import { useMonitoringSummary } from '../hooks/useMonitoringQueries.ts';
import { hasAnyMetric } from '../lib/metric-facts.ts';
import { ActivityCard } from './ActivityCard.tsx';
import { BpCard } from './BpCard.tsx';
import { GlucoseCard } from './GlucoseCard.tsx';
import { WeightCard } from './WeightCard.tsx';
import '../monitoring.css';

const PERIODS = [7, 14, 30, 90] as const;
type Period = (typeof PERIODS)[number];

function periodOf(value: string | null): Period {
  return PERIODS.find((p) => String(p) === value) ?? 14;
}

function TrendsBody({ patientId, acting }: RecordContext) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const days = periodOf(params.get('days'));
  const summary = useMonitoringSummary(patientId, days);
  const data = summary.data;
  return (
    <>
      <ActingFor acting={acting} />
      <div className="segmented-choice" role="group" aria-label={t('monitoring.trends.period')}>
        {PERIODS.map((p) => (
          <button
            key={p}
            type="button"
            aria-pressed={days === p}
            onClick={() => setParams({ days: String(p) }, { replace: true })}
            data-testid={`monitoring-period-${p}`}
          >
            {t('monitoring.trends.days', { count: p })}
          </button>
        ))}
      </div>
      {summary.isPending && <Loading />}
      <ErrorNotice error={summary.error} />
      {data && !hasAnyMetric(data) && (
        <EmptyState title={t('monitoring.trends.emptyTitle')} body={t('monitoring.trends.emptyBody')} />
      )}
      {data && hasAnyMetric(data) && (
        <>
          <p className="muted">{t('monitoring.trends.intro', { count: days })}</p>
          {data.bloodPressure && <BpCard bp={data.bloodPressure} patientId={patientId} days={days} />}
          {data.glucose && <GlucoseCard glucose={data.glucose} patientId={patientId} days={days} />}
          {data.weight && <WeightCard weight={data.weight} patientId={patientId} days={days} />}
          <ActivityCard summary={data} />
          <p className="muted">{t('monitoring.trends.disclaimer')}</p>
        </>
      )}
    </>
  );
}

/** 趋势与解读: charts of blood pressure, glucose and weight over 7 to 90 days, and what the numbers mean. */
export function MonitoringTrendsPage() {
  const { t } = useTranslation();
  return (
    <RecordFrame title={t('monitoring.trends.title')} backTo="/monitoring">
      {(record) => <TrendsBody key={record.patientId} {...record} />}
    </RecordFrame>
  );
}
