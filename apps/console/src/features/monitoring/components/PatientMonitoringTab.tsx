import { Col, Form, Row, Segmented, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useRealtimeStatus } from '../../../api/realtime';
import { QueryError } from '../../../components/QueryError';
import { formatDateTime } from '../../../lib/format';
import { hasAnyRole, useStaffMe } from '../../auth/hooks/use-me';
import { MONITORING_ROLES, MONITORING_RULE_ROLES } from '../../auth/roles';
import { useMonitoringSummary } from '../hooks/use-patient-monitoring';
import { usePatientReadingsLive } from '../hooks/use-monitoring-live';
import { PERIODS, periodOf, type Period } from '../lib/options';
import '../monitoring.css';
import { LiveStatus } from './LiveStatus';
import { BodyCard, BpCard, GlucoseCard } from './MetricCards';
import { BpChart, GlucoseChart, GlucoseProfileCharts, WeightChart } from './MonitoringCharts';
import { DevicesCard } from './DevicesCard';
import { PatientAlertsCard } from './PatientAlertsCard';
import { PlanCard } from './PlanCard';
import { RulesCard } from './RulesCard';

/**
 * A patient's remote monitoring: open alerts, the period's figures against their targets, the curves (blood
 * pressure, glucose with its daily profile, weight), and the devices, plan and rules behind them. New readings
 * from this patient refresh it live.
 */
export function PatientMonitoringTab({ patientId, canEdit }: { patientId: string; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const days = periodOf(params.get('days'));
  const me = useStaffMe();
  // Alerts, the plan and the rules are the care team's clinical work (doctors, nurses, health managers); rule
  // changes are the doctor's. Others (pharmacists, admins) see the figures, curves and devices.
  const clinical = hasAnyRole(me, MONITORING_ROLES);
  const live = useRealtimeStatus();
  usePatientReadingsLive(patientId);
  const summary = useMonitoringSummary(patientId, days);

  function setPeriod(value: Period) {
    setParams(
      (prev) => {
        const out = new URLSearchParams(prev);
        out.set('tab', 'monitoring');
        out.set('days', String(value));
        return out;
      },
      { replace: true },
    );
  }

  let figures;
  if (summary.isPending) figures = <Skeleton active paragraph={{ rows: 6 }} />;
  else if (summary.isError)
    figures = <QueryError error={summary.error} onRetry={() => void summary.refetch()} />;
  else
    figures = (
      <>
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={8}>
            <BpCard bp={summary.data.bloodPressure} />
          </Col>
          <Col xs={24} xl={8}>
            <GlucoseCard glucose={summary.data.glucose} />
          </Col>
          <Col xs={24} xl={8}>
            <BodyCard summary={summary.data} />
          </Col>
        </Row>
        {summary.data.glucose && summary.data.glucose.readings > 0 ? (
          <GlucoseProfileCharts glucose={summary.data.glucose} />
        ) : null}
      </>
    );

  return (
    <section className="monitoring-tab" aria-labelledby="monitoring-heading" data-testid="patient-monitoring">
      <h2 id="monitoring-heading" className="visually-hidden">
        {t('monitoringTab.tab')}
      </h2>
      <Form layout="inline" component="div" className="monitoring-controls">
        <Form.Item label={t('monitoringTab.period')}>
          <Segmented<Period>
            value={days}
            onChange={setPeriod}
            options={PERIODS.map((p) => ({ value: p, label: t('monitoringTab.periodDays', { count: p }) }))}
            data-testid="monitoring-period"
          />
        </Form.Item>
        <LiveStatus status={live} />
        {summary.data ? (
          <Typography.Text type="secondary" className="monitoring-controls__range">
            {t('monitoringTab.range', {
              from: formatDateTime(summary.data.from, i18n.language),
              to: formatDateTime(summary.data.to, i18n.language),
            })}
          </Typography.Text>
        ) : null}
      </Form>
      {clinical ? <PatientAlertsCard patientId={patientId} live={live === 'connected'} /> : null}
      {figures}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <BpChart patientId={patientId} days={days} />
        </Col>
        <Col xs={24} xl={12}>
          <GlucoseChart patientId={patientId} days={days} />
        </Col>
        <Col xs={24} xl={12}>
          <WeightChart patientId={patientId} days={days} />
        </Col>
      </Row>
      <DevicesCard patientId={patientId} canEdit={canEdit} />
      <PlanCard patientId={patientId} canEdit={canEdit && clinical} />
      {clinical ? (
        <RulesCard patientId={patientId} canEdit={canEdit && hasAnyRole(me, MONITORING_RULE_ROLES)} />
      ) : null}
    </section>
  );
}
