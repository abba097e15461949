import { Card, Empty } from 'antd';
import type { ReactNode } from 'react';

/** A card of the monitoring tab with an <h2> heading (the page's h1 is the patient's name). */
export function MonitoringCard({
  title,
  extra,
  children,
  testId,
  className,
}: {
  title: ReactNode;
  extra?: ReactNode;
  children: ReactNode;
  testId?: string;
  className?: string;
}) {
  return (
    <Card
      size="small"
      className={`monitoring-card ${className ?? ''}`}
      title={<h2 className="card-heading">{title}</h2>}
      extra={extra}
      data-testid={testId}
    >
      {children}
    </Card>
  );
}

export function MonitoringEmpty({ text }: { text: string }) {
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text} className="monitoring-empty" />;
}

export interface Metric {
  key: string;
  label: string;
  value: ReactNode;
  /** A line under the value: the unit's context, the target, the number of readings. */
  note?: ReactNode;
}

/** Figures as a term/definition list, laid out as tiles. */
export function MetricList({ metrics, testId }: { metrics: Metric[]; testId?: string }) {
  return (
    <dl className="metric-tiles" data-testid={testId}>
      {metrics.map((m) => (
        <div key={m.key} className="metric-tile" data-metric={m.key}>
          <dt className="metric-tile__label">{m.label}</dt>
          <dd className="metric-tile__value">{m.value}</dd>
          {m.note ? <dd className="metric-tile__note">{m.note}</dd> : null}
        </div>
      ))}
    </dl>
  );
}
