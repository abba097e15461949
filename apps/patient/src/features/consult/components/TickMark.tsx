import { useTranslation } from 'react-i18next';
import type { Tick } from '../lib/timeline.ts';

const marks: Record<Tick, string> = { sending: '…', sent: '✓', delivered: '✓✓', read: '✓✓' };

/** How far one's own message got, in words beside the ticks, so the colour is never the only sign. */
export function TickMark({ tick }: { tick: Tick }) {
  const { t } = useTranslation();
  return (
    <span className="chat-tick" data-tick={tick} data-testid="chat-tick">
      <span aria-hidden="true">{marks[tick]} </span>
      {t(`consult.chat.ticks.${tick}`)}
    </span>
  );
}
