import type { AppNotification } from '@careloop/contracts';
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Popover, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { QueryError } from '../../../components/QueryError';
import { formatDateTime } from '../../../lib/format';
import { useMarkRead, useNotifications } from '../hooks/use-notifications';
import { consoleLink } from '../lib/notification-link';
import '../followup.css';

/** The header's bell: unread count, the latest notifications, mark read, and a way to the thing each is about. */
export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const notifications = useNotifications();
  const markRead = useMarkRead();
  const unread = notifications.data?.unreadCount ?? 0;
  const items = notifications.data?.items ?? [];

  function openItem(item: AppNotification) {
    if (!item.readAt) markRead.mutate(item.id);
    const to = consoleLink(item.link);
    if (to) {
      setOpen(false);
      void navigate(to);
    }
  }

  const content = (
    <div className="notification-panel" data-testid="notification-panel">
      <div className="notification-panel__head">
        <Typography.Text strong>{t('notifications.title')}</Typography.Text>
        <Button
          type="link"
          size="small"
          disabled={unread === 0}
          loading={markRead.isPending && markRead.variables === 'all'}
          onClick={() => markRead.mutate('all')}
          data-testid="notifications-read-all"
        >
          {t('notifications.markAllRead')}
        </Button>
      </div>
      {notifications.isPending ? (
        <div className="notification-panel__state" role="status">
          <Spin />
          <span className="visually-hidden">{t('app.loading')}</span>
        </div>
      ) : notifications.isError ? (
        <QueryError error={notifications.error} onRetry={() => void notifications.refetch()} />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      ) : (
        <ul className="notification-list">
          {items.map((item) => (
            <li key={item.id} className={item.readAt ? 'notification' : 'notification notification--unread'}>
              <button
                type="button"
                className="notification__open"
                onClick={() => openItem(item)}
                data-testid="notification"
              >
                <span className="notification__title">
                  {item.readAt ? null : (
                    <span className="visually-hidden">{t('notifications.unread')}: </span>
                  )}
                  {item.kind === 'critical_value' ? (
                    <span className="notification__critical">{t('notifications.critical')} </span>
                  ) : null}
                  {item.title}
                </span>
                <span className="notification__body">{item.body}</span>
                <span className="notification__time">{formatDateTime(item.createdAt, i18n.language)}</span>
              </button>
              {item.readAt ? null : (
                <Button
                  type="link"
                  size="small"
                  className="notification__read"
                  aria-label={t('notifications.markReadFor', { title: item.title })}
                  onClick={() => markRead.mutate(item.id)}
                >
                  {t('notifications.markRead')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );

  return (
    <Popover
      content={content}
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      arrow={false}
    >
      <Button
        type="text"
        data-testid="notification-bell"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-label={unread > 0 ? t('notifications.openUnread', { count: unread }) : t('notifications.open')}
      >
        <Badge count={unread} overflowCount={99} size="small" color="#c41d1f">
          <BellOutlined aria-hidden className="notification-bell__icon" />
        </Badge>
      </Button>
    </Popover>
  );
}
