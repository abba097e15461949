import { Typography } from 'antd';
import type { ReactNode } from 'react';

/** The one h1 of a page, with the page's main actions beside it. */
export function PageTitle({ children, extra }: { children: ReactNode; extra?: ReactNode }) {
  return (
    <div className="page-title">
      <Typography.Title level={1} className="page-title__text">
        {children}
      </Typography.Title>
      {extra ? <div className="page-title__extra">{extra}</div> : null}
    </div>
  );
}
