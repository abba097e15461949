import { Button, Tag } from 'antd-mobile';
import type { DoseEvent } from '@careloop/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { LinkList } from '../../../ui/LinkList.tsx';
import { Loading } from '../../../ui/Loading.tsx';
import { ErrorNotice } from '../../../ui/Notice.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useRecordPatient } from '../../records/hooks/useRecordPatient.ts';
import { fetchTodayDoses, recordDose } from '../api/medications.api.ts';
import { ReminderTimes } from './ReminderTimes.tsx';
import '../medications.css';

const SKIP_REASONS = ['forgot', 'side_effect', 'ran_out', 'felt_better', 'other'] as const;
const TAG_COLOR = {
  pending: 'default',
  taken: 'success',
  late: 'warning',
  skipped: 'default',
  missed: 'danger',
} as const;

/** Today's doses with big buttons: taken, or skipped with a reason (late when taken over 2 h after its time). */
export function TodayMedicationsPage() {
  const { t } = useTranslation();
  const { patientId, canEdit, error: profileError } = useRecordPatient();
  const query = useQuery({
    queryKey: ['medications', 'today', patientId],
    queryFn: () => fetchTodayDoses(patientId!),
    enabled: patientId !== undefined,
  });
  return (
    <div className="page stack">
      <PageHeader title={t('meds.today.title')} backTo="/services" />
      <ErrorNotice error={profileError ?? query.error} />
      {query.isLoading && <Loading />}
      {query.data && query.data.items.length === 0 && (
        <EmptyState title={t('meds.today.empty')} body={t('meds.today.emptyBody')} />
      )}
      {query.data && query.data.items.length > 0 && (
        <ul className="dose-list" aria-label={t('meds.today.title')} data-testid="dose-list">
          {query.data.items.map((dose) => (
            <DoseRow key={dose.id} dose={dose} canEdit={canEdit} />
          ))}
        </ul>
      )}
      {patientId && canEdit && <ReminderTimes patientId={patientId} />}
      <LinkList
        label={t('meds.title')}
        entries={[
          { to: '/medications/adherence', label: t('meds.adherence.title'), testId: 'meds-adherence-link' },
          { to: '/medications/reactions', label: t('meds.reactions.title'), testId: 'meds-reactions-link' },
          { to: '/pharmacy/prescriptions', label: t('pharmacy.prescriptions.title'), testId: 'meds-rx-link' },
        ]}
      />
    </div>
  );
}

function DoseRow({ dose, canEdit }: { dose: DoseEvent; canEdit: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [skipping, setSkipping] = useState(false);
  const mutation = useMutation({
    mutationFn: (body: Parameters<typeof recordDose>[1]) => recordDose(dose.id, body),
    onSuccess: async () => {
      setSkipping(false);
      await client.invalidateQueries({ queryKey: ['medications'] });
    },
  });
  const answered = dose.status !== 'pending';
  // A dose is marked taken from 2 hours before its time (the server refuses earlier).
  const notYet = new Date(dose.dueAt).getTime() - Date.now() > 2 * 3_600_000;
  return (
    <li
      className="card dose-row"
      data-testid={`dose-${dose.localTime}-${dose.drugName}`}
      data-status={dose.status}
    >
      <div className="card-row">
        <span className="dose-time">{dose.localTime}</span>
        <span className="dose-name">
          <strong>{dose.drugName}</strong>
          <span className="muted"> {dose.dose}</span>
        </span>
        <Tag color={TAG_COLOR[dose.status]} data-testid="dose-status">
          {t(`meds.status.${dose.status}`)}
        </Tag>
      </div>
      {dose.reason && (
        <p className="muted">
          {t('meds.today.reasonShown', {
            reason: (SKIP_REASONS as readonly string[]).includes(dose.reason)
              ? t(`meds.reasons.${dose.reason as (typeof SKIP_REASONS)[number]}`)
              : dose.reason,
          })}
        </p>
      )}
      <ErrorNotice error={mutation.error} />
      {canEdit && !skipping && (
        <div className="dose-actions">
          <Button
            color="primary"
            size="large"
            disabled={mutation.isPending || notYet || dose.status === 'taken' || dose.status === 'late'}
            onClick={() => mutation.mutate({ status: 'taken' })}
            aria-label={t('meds.today.takenLabel', { drug: dose.drugName, time: dose.localTime })}
          >
            {notYet ? t('meds.today.notYet') : t('meds.today.taken')}
          </Button>
          <Button
            size="large"
            disabled={mutation.isPending || dose.status === 'skipped'}
            onClick={() => setSkipping(true)}
            aria-label={t('meds.today.skipLabel', { drug: dose.drugName, time: dose.localTime })}
          >
            {answered && dose.status !== 'missed' ? t('meds.today.change') : t('meds.today.skip')}
          </Button>
        </div>
      )}
      {skipping && (
        <fieldset className="skip-reasons">
          <legend>{t('meds.today.why')}</legend>
          {SKIP_REASONS.map((r) => (
            <Button
              key={r}
              size="large"
              block
              onClick={() => mutation.mutate({ status: 'skipped', reason: r })}
            >
              {t(`meds.reasons.${r}`)}
            </Button>
          ))}
          <Button size="large" block fill="none" onClick={() => setSkipping(false)}>
            {t('common.cancel')}
          </Button>
        </fieldset>
      )}
    </li>
  );
}
