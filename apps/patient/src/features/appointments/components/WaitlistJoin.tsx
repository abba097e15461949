import { Button } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { ErrorNotice, Notice } from '../../../ui/Notice.tsx';
import { useJoinWaitlist } from '../hooks/useAppointmentQueries.ts';

/** A full day: join the doctor's waitlist for it; a freed place is offered in turn. */
export function WaitlistJoin(props: { doctorId: string; date: string; patientId: string | undefined }) {
  const { doctorId, date, patientId } = props;
  const { t } = useTranslation();
  const join = useJoinWaitlist();
  return (
    <div className="card stack" data-testid="waitlist-join-card">
      <p>{t('appointments.doctor.dayFull')}</p>
      <p className="muted">{t('appointments.doctor.waitlistHint')}</p>
      {join.isSuccess ? (
        <Notice tone="success">
          <span data-testid="waitlist-joined">{t('appointments.doctor.waitlistJoined')}</span>
        </Notice>
      ) : (
        <Button
          block
          color="primary"
          fill="outline"
          loading={join.isPending}
          disabled={!patientId}
          onClick={() => {
            if (patientId) join.mutate({ patientId, doctorId, date });
          }}
          data-testid="waitlist-join"
        >
          {t('appointments.doctor.joinWaitlist')}
        </Button>
      )}
      <ErrorNotice error={join.error} />
    </div>
  );
}
