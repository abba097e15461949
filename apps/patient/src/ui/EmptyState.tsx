import type { ReactNode } from 'react';

interface EmptyStateProps {
  title: string;
  body?: string;
  icon?: ReactNode;
  /** Heading level that keeps the page outline in order. */
  level?: 2 | 3;
}

export function EmptyState({ title, body, icon, level = 2 }: EmptyStateProps) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <div className="empty-state">
      {icon && (
        <div className="empty-state-icon" aria-hidden="true">
          {icon}
        </div>
      )}
      <Heading>{title}</Heading>
      {body && <p>{body}</p>}
    </div>
  );
}
