import type { Slot, VisitMode } from '@careloop/contracts';
import { useTranslation } from 'react-i18next';
import { dayText, feeText, localDayKey, shortDayText, timeText } from '../lib/format.ts';

export type ModeFilter = VisitMode | 'all';

interface SlotPickerProps {
  slots: readonly Slot[];
  mode: ModeFilter;
  onMode: (mode: ModeFilter) => void;
  day: string | undefined;
  onDay: (day: string) => void;
  selectedId: string | undefined;
  onSelect: (slot: Slot) => void;
  now: number;
}

function bookable(s: Slot, now: number): boolean {
  return s.status === 'open' && s.free > 0 && Date.parse(s.startsAt) > now;
}

/** The days that have times (of the chosen visit type), in order. */
export function daysOf(slots: readonly Slot[]): string[] {
  return [...new Set(slots.map((s) => localDayKey(s.startsAt)))].sort();
}

export function slotsOfDay(slots: readonly Slot[], day: string | undefined): Slot[] {
  return slots.filter((s) => localDayKey(s.startsAt) === day);
}

export function dayIsFull(slots: readonly Slot[], now: number): boolean {
  return slots.length > 0 && !slots.some((s) => bookable(s, now));
}

/** Visit type, then a day, then a time of that day: each time says its type, fee and places left in words. */
export function SlotPicker({ slots, mode, onMode, day, onDay, selectedId, onSelect, now }: SlotPickerProps) {
  const { t, i18n } = useTranslation();
  const shown = mode === 'all' ? slots : slots.filter((s) => s.mode === mode);
  const days = daysOf(shown);
  const ofDay = slotsOfDay(shown, day);
  return (
    <div className="stack">
      <div role="group" aria-labelledby="slot-mode-title" className="stack slot-group">
        <h3 id="slot-mode-title">{t('appointments.doctor.modeFilter')}</h3>
        <div className="chips">
          {(['all', 'in_person', 'online'] as const).map((m) => (
            <button
              key={m}
              type="button"
              className="chip"
              aria-pressed={mode === m}
              onClick={() => onMode(m)}
              data-testid={`slot-mode-${m}`}
            >
              {t(`appointments.mode.${m}`)}
            </button>
          ))}
        </div>
      </div>
      {days.length > 0 && (
        <div role="group" aria-labelledby="slot-days-title" className="stack slot-group">
          <h3 id="slot-days-title">{t('appointments.doctor.days')}</h3>
          <div className="chips slot-days">
            {days.map((d) => (
              <button
                key={d}
                type="button"
                className="chip"
                aria-pressed={day === d}
                onClick={() => onDay(d)}
                data-testid="slot-day"
                data-day={d}
              >
                {shortDayText(`${d}T12:00:00`, i18n.language)}
              </button>
            ))}
          </div>
        </div>
      )}
      {ofDay.length > 0 && day && (
        <div role="group" aria-labelledby="slot-times-title" className="stack slot-group">
          <h3 id="slot-times-title">
            {t('appointments.doctor.slots', { day: dayText(`${day}T12:00:00`, i18n.language) })}
          </h3>
          <ul className="slot-list">
            {ofDay.map((s) => {
              const open = bookable(s, now);
              const state =
                Date.parse(s.startsAt) <= now
                  ? t('appointments.doctor.past')
                  : open
                    ? t('appointments.doctor.left', { count: s.free })
                    : t('appointments.doctor.full');
              return (
                <li key={s.id}>
                  <button
                    type="button"
                    className="slot-option"
                    aria-pressed={selectedId === s.id}
                    disabled={!open}
                    onClick={() => onSelect(s)}
                    data-testid="slot-option"
                    data-slot-id={s.id}
                    data-free={s.free}
                  >
                    <span className="slot-option-time">{timeText(s.startsAt, i18n.language)}</span>
                    <span>{t(`appointments.mode.${s.mode}`)}</span>
                    <span>{feeText(s.feeFen, i18n.language)}</span>
                    <span className={open ? 'slot-left' : 'slot-full'}>{state}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </div>
  );
}
