import type { AppNotification } from '@careloop/contracts';
import { Button, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { Loading } from '../../../ui/Loading.tsx';
import { ErrorNotice } from '../../../ui/Notice.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useActingProfile } from '../../profiles/hooks/acting-profile-context.ts';
import { formatDateTime } from '../../records/components/format.ts';
import { useMarkRead, useNotifications } from '../hooks/useNotifications.ts';
import '../../checkups/checkups.css';

/** Only links inside this app are followed (a notification's link is app-relative by contract). */
function appLink(link: string | null): string | null {
  return link && link.startsWith('/') && !link.startsWith('//') ? link : null;
}

function NotificationItem({ n }: { n: AppNotification }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { profiles, acting, setActingId } = useActingProfile();
  const markRead = useMarkRead();
  const profile = n.patientId ? profiles.find((p) => p.patient.id === n.patientId) : undefined;
  const link = appLink(n.link);

  function open() {
    if (!n.readAt) markRead.mutate(n.id);
    // A reminder about a family member opens that person's record.
    if (profile && acting?.patient.id !== profile.patient.id) setActingId(profile.patient.id);
    if (link) void navigate(link);
  }

  return (
    <li>
      <button
        type="button"
        className={`notification-item${n.readAt ? '' : ' is-unread'}`}
        onClick={open}
        data-testid="notification-item"
        data-read={n.readAt ? 'true' : 'false'}
      >
        <span className="notification-title">
          {!n.readAt && (
            <Tag color="primary" fill="solid">
              {t('notifications.unread')}
            </Tag>
          )}
          <Tag color={n.kind === 'critical_value' ? 'danger' : 'default'} fill="outline">
            {t(`notifications.kinds.${n.kind}`)}
          </Tag>
          <span>{n.title}</span>
        </span>
        <span style={{ display: 'block', marginTop: 4 }}>{n.body}</span>
        <span className="muted" style={{ display: 'block', marginTop: 4 }}>
          {formatDateTime(n.createdAt, i18n.language)}
          {profile && profile.relationship !== 'self'
            ? ` · ${t('notifications.forProfile', { name: profile.patient.name })}`
            : ''}
        </span>
      </button>
    </li>
  );
}

/** 消息通知: follow-up reminders, critical-value advice and new reports; opening one marks it read. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const inbox = useNotifications();
  const markRead = useMarkRead();
  const items = inbox.data?.pages.flatMap((p) => p.items) ?? [];
  const unread = inbox.data?.pages[0]?.unreadCount ?? 0;
  return (
    <div className="page stack">
      <PageHeader title={t('notifications.title')} backTo="/home" />
      {inbox.isPending && <Loading />}
      <ErrorNotice error={inbox.error ?? markRead.error} />
      {inbox.data && items.length === 0 && (
        <EmptyState title={t('notifications.empty')} body={t('notifications.emptyBody')} />
      )}
      {unread > 0 && (
        <Button
          fill="outline"
          color="primary"
          loading={markRead.isPending}
          onClick={() => markRead.mutate('all')}
          data-testid="notifications-read-all"
        >
          {t('notifications.markAllRead')}
        </Button>
      )}
      {items.length > 0 && (
        <ul
          className="notification-list"
          aria-label={t('notifications.title')}
          data-testid="notification-list"
        >
          {items.map((n) => (
            <NotificationItem key={n.id} n={n} />
          ))}
        </ul>
      )}
      {inbox.hasNextPage && (
        <Button
          block
          fill="outline"
          loading={inbox.isFetchingNextPage}
          onClick={() => void inbox.fetchNextPage()}
        >
          {t('checkups.showAll')}
        </Button>
      )}
    </div>
  );
}
