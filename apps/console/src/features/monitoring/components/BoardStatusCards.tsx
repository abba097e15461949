import type { BoardStatus } from '@careloop/contracts';
import { useTranslation } from 'react-i18next';
import { BOARD_STATUSES } from '../lib/options';

/**
 * The number of patients in each status, as buttons that filter the table below (pressed = the filter in use;
 * pressing it again shows everyone).
 */
export function BoardStatusCards({
  counts,
  selected,
  onSelect,
}: {
  counts: Record<BoardStatus, number> | undefined;
  selected: BoardStatus | undefined;
  onSelect: (status: BoardStatus | undefined) => void;
}) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <ul className="board-cards" aria-label={t('monitoringBoard.countsLabel')}>
      {BOARD_STATUSES.map((status) => {
        const pressed = selected === status;
        return (
          <li key={status}>
            <button
              type="button"
              className={`board-card board-card--${status}`}
              aria-pressed={pressed}
              onClick={() => onSelect(pressed ? undefined : status)}
              data-testid={`board-count-${status}`}
            >
              <span className="board-card__count">{counts ? number.format(counts[status]) : '–'}</span>
              <span className="board-card__label">{t(`monitoring.boardStatus.${status}`)}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
