import type { VisitMode } from '@careloop/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { shortDayText, timeText } from '../lib/format.ts';

export interface ChipSlot {
  slotId: string;
  startsAt: string;
  mode: VisitMode;
}

interface SlotChipsProps {
  slots: readonly ChipSlot[];
  doctorId: string;
  doctorName: string;
  /** Extra query for the doctor's page (`for`, `triage`). */
  search?: Record<string, string | undefined>;
  testId?: string;
}

/** A doctor's next free times as chips; one tap opens the doctor's page with that time chosen. */
export function SlotChips({
  slots,
  doctorId,
  doctorName,
  search = {},
  testId = 'slot-chip',
}: SlotChipsProps) {
  const { t, i18n } = useTranslation();
  return (
    <ul className="slot-chips" aria-label={t('appointments.department.nextSlots')}>
      {slots.map((s) => {
        const params = new URLSearchParams({ slot: s.slotId });
        for (const [key, value] of Object.entries(search)) if (value) params.set(key, value);
        const time = `${shortDayText(s.startsAt, i18n.language)} ${timeText(s.startsAt, i18n.language)}`;
        return (
          <li key={s.slotId}>
            <Link
              className="slot-chip"
              to={`/book/doctors/${encodeURIComponent(doctorId)}?${params.toString()}`}
              aria-label={t('appointments.department.slotLabel', {
                name: doctorName,
                time,
                mode: t(`appointments.mode.${s.mode}`),
              })}
              data-testid={testId}
              data-slot-id={s.slotId}
              data-mode={s.mode}
              data-starts-at={s.startsAt}
            >
              <span>{time}</span>
              <span className="slot-chip-mode">{t(`appointments.mode.${s.mode}`)}</span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
