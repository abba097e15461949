import { Button } from 'antd-mobile';
import type { MedicationSchedule } from '@careloop/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../../ui/Notice.tsx';
import { fetchSchedules, updateScheduleTimes } from '../api/medications.api.ts';

/** The patient chooses the times of day of each medication (as many as its frequency has). */
export function ReminderTimes({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: ['medications', 'schedules', patientId],
    queryFn: () => fetchSchedules(patientId),
  });
  const client = useQueryClient();
  const active = (query.data?.items ?? []).filter((s) => s.active && s.times.length > 0);
  // The times are local to the schedules' zone (the hospital's at first); a patient living elsewhere moves them to
  // the phone's zone with one tap.
  const phoneZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const elsewhere = active.filter((s) => s.timeZone !== phoneZone);
  const move = useMutation({
    mutationFn: async () => {
      for (const s of elsewhere) await updateScheduleTimes(s.id, s.version, s.times, phoneZone);
    },
    onSettled: () => client.invalidateQueries({ queryKey: ['medications'] }),
  });
  if (active.length === 0) return null;
  return (
    <section className="card" aria-labelledby="reminder-times-title">
      <h2 id="reminder-times-title">{t('meds.times.title')}</h2>
      {elsewhere.length > 0 && (
        <div className="stack" data-testid="schedule-zone-note">
          <p className="muted">
            {t('meds.times.otherZone', { zone: elsewhere[0]!.timeZone, phone: phoneZone })}
          </p>
          <Button size="large" loading={move.isPending} onClick={() => move.mutate()}>
            {t('meds.times.usePhoneZone')}
          </Button>
          <ErrorNotice error={move.error} />
        </div>
      )}
      {active.map((s) => (
        <ScheduleTimes key={`${s.id}-${s.version}`} schedule={s} />
      ))}
    </section>
  );
}

function ScheduleTimes({ schedule }: { schedule: MedicationSchedule }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [times, setTimes] = useState(schedule.times);
  const save = useMutation({
    mutationFn: (timeZone: string) => updateScheduleTimes(schedule.id, schedule.version, times, timeZone),
    onSuccess: () => client.invalidateQueries({ queryKey: ['medications'] }),
  });
  const changed = times.join() !== schedule.times.join();
  return (
    <fieldset className="skip-reasons" data-testid={`schedule-${schedule.drugName}`}>
      <legend>{schedule.drugName}</legend>
      <div className="seg">
        {times.map((time, i) => (
          <input
            key={i}
            type="time"
            className="field-input"
            aria-label={t('meds.times.label', { drug: schedule.drugName, n: i + 1 })}
            value={time}
            onChange={(e) => setTimes(times.map((x, j) => (j === i ? e.target.value : x)))}
          />
        ))}
      </div>
      <ErrorNotice error={save.error} />
      {changed && (
        <Button
          size="large"
          color="primary"
          loading={save.isPending}
          onClick={() => save.mutate(schedule.timeZone)}
        >
          {t('meds.times.save')}
        </Button>
      )}
    </fieldset>
  );
}
