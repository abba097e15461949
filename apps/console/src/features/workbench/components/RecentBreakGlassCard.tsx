import type { BreakGlassGrant } from '@careloop/contracts';
import { Card, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../../../components/QueryError';
import { formatDateTime } from '../../../lib/format';
import { useBreakGlassLog } from '../../admin/hooks/use-admin';

/** Org admins see every recent break-glass access at a glance: who, which patient, why. */
export function RecentBreakGlassCard() {
  const { t, i18n } = useTranslation();
  const log = useBreakGlassLog(10);

  return (
    <Card
      title={<h2 className="card-heading">{t('workbench.recentBreakGlass')}</h2>}
      extra={<Link to="/admin/break-glass">{t('workbench.viewAll')}</Link>}
      loading={log.isPending}
    >
      {log.error ? <QueryError error={log.error} onRetry={() => void log.refetch()} /> : null}
      {log.data ? (
        <List<BreakGlassGrant>
          dataSource={log.data}
          locale={{ emptyText: t('workbench.recentBreakGlassEmpty') }}
          rowKey="id"
          renderItem={(grant) => (
            <List.Item>
              <div className="break-glass__item">
                <Typography.Text strong>
                  {grant.staffName} → {grant.patientName}
                </Typography.Text>
                <Typography.Paragraph className="break-glass__reason">{grant.reason}</Typography.Paragraph>
                <span className="muted">{formatDateTime(grant.createdAt, i18n.language)}</span>
              </div>
            </List.Item>
          )}
        />
      ) : null}
    </Card>
  );
}
