import { CheckCircleOutlined, CloseCircleOutlined } from '@ant-design/icons';
import type { BpSummary, GlucoseSummary, MonitoringSummary } from '@careloop/contracts';
import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import { isTargetMetric, targetPercent } from '../lib/glucose-targets';
import {
  formatBp,
  formatCount,
  formatDecimal,
  formatMmol,
  formatPercent,
  formatSigned,
} from '../lib/monitoring-format';
import { MetricList, MonitoringCard, MonitoringEmpty, type Metric } from './MonitoringCard';

const CONTROL_COLORS: Record<BpSummary['control'], string> = {
  controlled: 'success',
  uncontrolled: 'red',
  'insufficient-data': 'default',
};

/** Met or not, in an icon, a colour and a word. */
export function TargetMet({ met }: { met: boolean }) {
  const { t } = useTranslation();
  return met ? (
    <Typography.Text type="success" className="target-met" data-met="true">
      <CheckCircleOutlined aria-hidden /> {t('monitoringTab.targetMet')}
    </Typography.Text>
  ) : (
    <Typography.Text type="danger" className="target-met" data-met="false">
      <CloseCircleOutlined aria-hidden /> {t('monitoringTab.targetNotMet')}
    </Typography.Text>
  );
}

function Value({ value, unit }: { value: string; unit?: string }) {
  return (
    <>
      <span className="metric-number">{value}</span>
      {unit ? <span className="unit"> {unit}</span> : null}
    </>
  );
}

export function BpCard({ bp }: { bp: BpSummary | null }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const title = t('monitoringTab.bp.title');
  if (!bp || bp.readings === 0) {
    return (
      <MonitoringCard title={title} testId="monitoring-bp">
        <MonitoringEmpty text={t('monitoringTab.bp.none')} />
      </MonitoringCard>
    );
  }
  const pair = (v: { systolic: number; diastolic: number } | null) =>
    v ? <Value value={formatBp(v.systolic, v.diastolic, lang)} unit="mmHg" /> : t('common.none');
  const metrics: Metric[] = [
    {
      key: 'mean',
      label: t('monitoringTab.bp.mean'),
      value: pair(bp.mean),
      note: t('monitoringTab.readingsCount', { count: bp.readings }),
    },
    {
      key: 'morning',
      label: t('monitoringTab.bp.morning'),
      value: pair(bp.morning),
      note: bp.morning ? t('monitoringTab.readingsCount', { count: bp.morning.readings }) : undefined,
    },
    {
      key: 'evening',
      label: t('monitoringTab.bp.evening'),
      value: pair(bp.evening),
      note: bp.evening ? t('monitoringTab.readingsCount', { count: bp.evening.readings }) : undefined,
    },
    {
      key: 'inTarget',
      label: t('monitoringTab.bp.inTarget'),
      value: <Value value={formatPercent(bp.inTargetPercent, lang)} />,
      note: t('monitoringTab.bp.target', { target: formatBp(bp.target.systolic, bp.target.diastolic, lang) }),
    },
    {
      key: 'control',
      label: t('monitoringTab.bp.control'),
      value: (
        <Tag color={CONTROL_COLORS[bp.control]} data-control={bp.control}>
          {t(`monitoringTab.bp.controlStatus.${bp.control}`)}
        </Tag>
      ),
    },
  ];
  return (
    <MonitoringCard title={title} testId="monitoring-bp">
      <MetricList metrics={metrics} />
    </MonitoringCard>
  );
}

export function GlucoseCard({ glucose }: { glucose: GlucoseSummary | null }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const title = t('monitoringTab.glucose.title');
  if (!glucose || glucose.readings === 0) {
    return (
      <MonitoringCard title={title} testId="monitoring-glucose">
        <MonitoringEmpty text={t('monitoringTab.glucose.none')} />
      </MonitoringCard>
    );
  }
  const p = glucose.percent;
  const notes = [
    glucose.capturePercent !== null
      ? t('monitoringTab.glucose.capture', { percent: formatPercent(glucose.capturePercent, lang) })
      : null,
    glucose.sufficient ? null : t('monitoringTab.glucose.insufficient'),
  ].filter((note): note is string => !!note);
  const metrics: Metric[] = [
    {
      key: 'mean',
      label: t('monitoringTab.glucose.mean'),
      value: <Value value={formatMmol(glucose.meanMmolPerL, lang)} unit="mmol/L" />,
      note: t('monitoringTab.readingsCount', { count: glucose.readings }),
    },
    {
      key: 'gmi',
      label: t('monitoringTab.glucose.gmi'),
      value:
        glucose.gmiPercent !== null ? (
          <Value value={`${formatDecimal(glucose.gmiPercent, 1, lang)}%`} />
        ) : (
          t('common.none')
        ),
    },
    {
      key: 'cv',
      label: t('monitoringTab.glucose.cv'),
      value:
        glucose.cvPercent !== null ? (
          <Value value={formatPercent(glucose.cvPercent, lang)} />
        ) : (
          t('common.none')
        ),
      note:
        glucose.stable === null
          ? undefined
          : glucose.stable
            ? t('monitoringTab.glucose.stable')
            : t('monitoringTab.glucose.unstable'),
    },
    {
      key: 'tir',
      label: t('monitoringTab.glucose.tir'),
      value: <Value value={formatPercent(p.inRange, lang)} />,
    },
    {
      key: 'tbr',
      label: t('monitoringTab.glucose.tbr'),
      value: <Value value={formatPercent(p.veryLow + p.low, lang)} />,
    },
    {
      key: 'tar',
      label: t('monitoringTab.glucose.tar'),
      value: <Value value={formatPercent(p.high + p.veryHigh, lang)} />,
    },
  ];
  return (
    <MonitoringCard title={title} testId="monitoring-glucose">
      <MetricList metrics={metrics} />
      {glucose.targets.length > 0 ? (
        <table className="target-table" data-testid="glucose-targets">
          <caption className="target-table__caption">{t('monitoringTab.glucose.targetsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('monitoringTab.glucose.targetMetric')}</th>
              <th scope="col">{t('monitoringTab.glucose.targetValue')}</th>
              <th scope="col">{t('monitoringTab.glucose.targetActual')}</th>
              <th scope="col">{t('monitoringTab.glucose.targetResult')}</th>
            </tr>
          </thead>
          <tbody>
            {glucose.targets.map((target) => (
              <tr key={target.metric}>
                <th scope="row">
                  {isTargetMetric(target.metric)
                    ? t(`monitoringTab.glucose.targetMetrics.${target.metric}`)
                    : target.metric}
                </th>
                <td>
                  {target.comparison === 'above' ? '>' : '<'} {formatPercent(target.target, lang)}
                </td>
                <td>
                  {isTargetMetric(target.metric) ? formatPercent(targetPercent(target.metric, p), lang) : ''}
                </td>
                <td>
                  <TargetMet met={target.met} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {notes.length ? <p className="muted monitoring-note">{notes.join(' ')}</p> : null}
    </MonitoringCard>
  );
}

export function BodyCard({ summary }: { summary: MonitoringSummary }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { weight } = summary;
  const none = t('common.none');
  const metrics: Metric[] = [
    {
      key: 'weight',
      label: t('monitoringTab.body.weight'),
      value: weight ? <Value value={formatDecimal(weight.latestKg, 1, lang)} unit="kg" /> : none,
      note: weight ? formatDateTime(weight.latestAt, lang) : undefined,
    },
    {
      key: 'bmi',
      label: t('monitoringTab.body.bmi'),
      value: weight?.bmi != null ? <Value value={formatDecimal(weight.bmi, 1, lang)} unit="kg/m²" /> : none,
    },
    {
      key: 'weightChange',
      label: t('monitoringTab.body.change'),
      value:
        weight?.changeKg != null ? <Value value={formatSigned(weight.changeKg, 1, lang)} unit="kg" /> : none,
      note:
        weight?.kgPerWeek != null
          ? t('monitoringTab.body.perWeek', { value: formatSigned(weight.kgPerWeek, 2, lang) })
          : undefined,
    },
    {
      key: 'heartRate',
      label: t('monitoringTab.body.restingHeartRate'),
      value:
        summary.restingHeartRate !== null ? (
          <Value
            value={formatDecimal(summary.restingHeartRate, 0, lang)}
            unit={t('monitoringTab.body.bpm')}
          />
        ) : (
          none
        ),
    },
    {
      key: 'steps',
      label: t('monitoringTab.body.steps'),
      value: summary.stepsPerDay !== null ? <Value value={formatCount(summary.stepsPerDay, lang)} /> : none,
    },
    {
      key: 'sleep',
      label: t('monitoringTab.body.sleep'),
      value:
        summary.sleepHoursPerNight !== null ? (
          <Value
            value={formatDecimal(summary.sleepHoursPerNight, 1, lang)}
            unit={t('monitoringTab.body.hours')}
          />
        ) : (
          none
        ),
    },
    {
      key: 'spo2',
      label: t('monitoringTab.body.spo2'),
      value: summary.spo2Mean !== null ? <Value value={formatPercent(summary.spo2Mean, lang)} /> : none,
    },
  ];
  return (
    <MonitoringCard title={t('monitoringTab.body.title')} testId="monitoring-body">
      <MetricList metrics={metrics} />
    </MonitoringCard>
  );
}
