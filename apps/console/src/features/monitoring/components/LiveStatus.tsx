import { Badge } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RealtimeStatus } from '../../../api/realtime';

/** Whether the screen updates by itself: a dot and the words (the dot's colour is not the only signal). */
export function LiveStatus({ status }: { status: RealtimeStatus }) {
  const { t } = useTranslation();
  return (
    <span className="live-status" data-testid="live-status" data-status={status}>
      <Badge status={status === 'connected' ? 'success' : 'default'} />
      {t(`monitoring.live.${status}`)}
    </span>
  );
}
