import { Card, Empty } from 'antd';
import type { ReactNode } from 'react';

interface Props {
  title: ReactNode;
  extra?: ReactNode;
  children: ReactNode;
  testId?: string;
  className?: string;
}

/** A card of the record with an <h2> heading (the page's h1 is the patient's name). */
export function RecordCard({ title, extra, children, testId, className }: Props) {
  return (
    <Card
      size="small"
      className={`record-card ${className ?? ''}`}
      title={<h2 className="card-heading">{title}</h2>}
      extra={extra}
      data-testid={testId}
    >
      {children}
    </Card>
  );
}

/** The empty state inside a record card: small, plain text. */
export function RecordEmpty({ text }: { text: string }) {
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text} className="record-empty" />;
}
