import type { ReactNode } from 'react';

export interface Fact {
  label: string;
  value: ReactNode;
  testId?: string;
}

/** Label and value pairs of a summary card. */
export function FactList({ facts }: { facts: readonly (Fact | null)[] }) {
  const shown = facts.filter((f): f is Fact => f !== null);
  if (shown.length === 0) return null;
  return (
    <dl className="facts metric-facts">
      {shown.map((f) => (
        <div key={f.label} data-testid={f.testId}>
          <dt>{f.label}</dt>
          <dd>{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}
