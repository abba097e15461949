import { BellOutline, RightOutline } from 'antd-mobile-icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useNotifications } from '../hooks/useNotifications.ts';
import '../../checkups/checkups.css';

/** The way to the inbox, with the number of unread notifications as a badge (and in words for screen readers).
 *  The badge uses the page's small text size, so it stays readable in elder mode. */
export function NotificationBell() {
  const { t } = useTranslation();
  const inbox = useNotifications();
  const unread = inbox.data?.pages[0]?.unreadCount ?? 0;
  return (
    <Link to="/notifications" className="notification-bell" data-testid="notification-bell">
      <BellOutline className="notification-bell-icon" aria-hidden="true" />
      <span style={{ flex: 1 }}>
        {t('notifications.bell')}
        {unread > 0 && (
          <span className="sr-only">{`, ${t('notifications.bellUnread', { count: unread })}`}</span>
        )}
      </span>
      {unread > 0 && (
        <span className="notification-count" aria-hidden="true" data-testid="notification-unread">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
      <RightOutline aria-hidden="true" />
    </Link>
  );
}
