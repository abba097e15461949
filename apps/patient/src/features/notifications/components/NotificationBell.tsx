import { Badge } from 'antd-mobile';
import { BellOutline, RightOutline } from 'antd-mobile-icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useNotifications } from '../hooks/useNotifications.ts';
import '../../checkups/checkups.css';

/** The way to the inbox, with the number of unread notifications as a badge and in words. */
export function NotificationBell() {
  const { t } = useTranslation();
  const inbox = useNotifications();
  const unread = inbox.data?.pages[0]?.unreadCount ?? 0;
  const label = unread > 0 ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell');
  return (
    <Link to="/notifications" className="notification-bell" data-testid="notification-bell">
      <Badge content={unread > 0 ? (unread > 99 ? '99+' : String(unread)) : null} aria-hidden="true">
        <BellOutline className="notification-bell-icon" aria-hidden="true" />
      </Badge>
      <span style={{ flex: 1 }}>{label}</span>
      <RightOutline aria-hidden="true" />
    </Link>
  );
}
