import { RightOutline } from 'antd-mobile-icons';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

export interface LinkListEntry {
  to: string;
  label: string;
  extra?: ReactNode;
  testId?: string;
}

export function LinkList({ entries, label }: { entries: readonly LinkListEntry[]; label?: string }) {
  return (
    <ul className="link-list" aria-label={label}>
      {entries.map((entry) => (
        <li key={entry.to}>
          <Link to={entry.to} data-testid={entry.testId}>
            <span>{entry.label}</span>
            <span className="link-list-extra">
              {entry.extra} <RightOutline aria-hidden="true" />
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
