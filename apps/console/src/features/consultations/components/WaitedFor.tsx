import { useTranslation } from 'react-i18next';
import { minutesBetween, splitMinutes } from '../lib/messages';

/** "已等待 1 小时 5 分钟", renewed as `now` moves. */
export function WaitedFor({ since, now }: { since: string; now: number }) {
  const { t } = useTranslation();
  const { hours, minutes } = splitMinutes(minutesBetween(since, now));
  const text =
    hours > 0
      ? t('consult.queue.waitedHours', { hours, minutes })
      : t('consult.queue.waitedMinutes', { count: minutes });
  return (
    <time dateTime={since} className="consult-waited" data-testid="consult-waited">
      {text}
    </time>
  );
}
