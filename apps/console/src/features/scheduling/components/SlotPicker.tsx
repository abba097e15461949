import type { Slot } from '@careloop/contracts';
import { Radio, Segmented } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFreeSlots } from '../hooks/use-scheduling';
import { localIsoDate, timeOf } from '../lib/schedule';
import { todayIn, useOrgTimeZone } from '../hooks/use-org-today';
import { DoctorSelect } from './DoctorSelect';

const DAYS = 14;

/** The day of an instant on the clinic's clock (the browser's until the clinic's time zone is known). */
function dayOf(iso: string, timeZone: string | undefined): string {
  return timeZone ? todayIn(timeZone, new Date(iso)) : localIsoDate(new Date(iso));
}

/**
 * Picks a free slot of one of the org's doctors over the coming two weeks: a doctor, then a day that has free
 * places, then a time. Booking on someone's behalf (the desk, a referral's receiver) starts here.
 */
export function SlotPicker({
  idPrefix,
  value,
  onChange,
}: {
  idPrefix: string;
  value: string | undefined;
  onChange: (slot: Slot | undefined) => void;
}) {
  const { t, i18n } = useTranslation();
  const timeZone = useOrgTimeZone();
  const [doctorId, setDoctorId] = useState<string>();
  const slots = useFreeSlots(doctorId, DAYS);
  const byDay = useMemo(() => {
    const days = new Map<string, Slot[]>();
    for (const slot of slots.data ?? []) {
      if (slot.free <= 0 || slot.status !== 'open') continue;
      const day = dayOf(slot.startsAt, timeZone);
      days.set(day, [...(days.get(day) ?? []), slot]);
    }
    return days;
  }, [slots.data, timeZone]);
  const [day, setDay] = useState<string>();
  const shownDay = day && byDay.has(day) ? day : [...byDay.keys()][0];
  useEffect(() => {
    if (value && !(slots.data ?? []).some((s) => s.id === value)) onChange(undefined);
  }, [slots.data, value, onChange]);

  const dayLabel = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, { month: 'numeric', day: 'numeric', weekday: 'short' }).format(
      new Date(`${iso}T12:00:00`),
    );
  return (
    <div className="slot-picker" data-testid="slot-picker">
      <div className="slot-picker__row">
        <label htmlFor={`${idPrefix}-doctor`}>{t('scheduling.slotPicker.doctor')}</label>
        <DoctorSelect
          id={`${idPrefix}-doctor`}
          value={doctorId}
          onChange={(next) => {
            setDoctorId(next);
            setDay(undefined);
            onChange(undefined);
          }}
          testId="slot-picker-doctor"
        />
      </div>
      {!doctorId ? (
        <p className="muted">{t('scheduling.slotPicker.pickDoctorFirst')}</p>
      ) : slots.isPending ? (
        <p className="muted">{t('scheduling.loading')}</p>
      ) : byDay.size === 0 ? (
        <p className="muted" data-testid="slot-picker-none">
          {t('scheduling.slotPicker.none', { days: DAYS })}
        </p>
      ) : (
        <>
          <div className="slot-picker__row">
            <span id={`${idPrefix}-day`}>{t('scheduling.slotPicker.day')}</span>
            <Segmented
              aria-labelledby={`${idPrefix}-day`}
              value={shownDay}
              onChange={(next) => {
                setDay(String(next));
                onChange(undefined);
              }}
              options={[...byDay.keys()].map((d) => ({ value: d, label: dayLabel(d) }))}
              data-testid="slot-picker-day"
            />
          </div>
          <div className="slot-picker__row">
            <span id={`${idPrefix}-slot`}>{t('scheduling.slotPicker.slot')}</span>
            <Radio.Group
              aria-labelledby={`${idPrefix}-slot`}
              optionType="button"
              value={value}
              onChange={(e) =>
                onChange((byDay.get(shownDay ?? '') ?? []).find((s) => s.id === e.target.value))
              }
              data-testid="slot-picker-times"
            >
              {(byDay.get(shownDay ?? '') ?? []).map((slot) => (
                <Radio.Button key={slot.id} value={slot.id}>
                  <span data-testid="slot-picker-time">
                    {timeOf(slot.startsAt, i18n.language, timeZone)}
                    {slot.capacity > 1 ? (
                      <span className="muted">
                        {' '}
                        · {t('scheduling.slotPicker.free', { count: slot.free })}
                      </span>
                    ) : null}
                  </span>
                </Radio.Button>
              ))}
            </Radio.Group>
          </div>
        </>
      )}
    </div>
  );
}
