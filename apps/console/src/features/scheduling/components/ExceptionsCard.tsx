import { PlusOutlined } from '@ant-design/icons';
import type { ScheduleTemplate } from '@careloop/contracts';
import { App, Button, Card, Popconfirm } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/QueryError';
import { problemText } from '../../../lib/problems';
import { EXCEPTION_DAYS, useDeleteException, useExceptions } from '../hooks/use-scheduling';
import { ExceptionModal } from './ExceptionModal';

/** Days off and changed sessions coming up, with a way to add and withdraw them. */
export function ExceptionsCard({
  doctorId,
  templates,
}: {
  doctorId: string;
  templates: readonly ScheduleTemplate[];
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const exceptions = useExceptions(doctorId);
  const withdraw = useDeleteException(doctorId);
  const [adding, setAdding] = useState(false);
  const items = [...(exceptions.data ?? [])].sort((a, b) => a.date.localeCompare(b.date));

  async function remove(exceptionId: string) {
    try {
      await withdraw.mutateAsync(exceptionId);
      void message.success(t('scheduling.schedules.withdrawn'));
    } catch (error) {
      void message.error(problemText(error, t));
    }
  }

  return (
    <Card
      title={<h2 className="card-heading">{t('scheduling.schedules.exceptionsTitle')}</h2>}
      extra={
        <Button
          icon={<PlusOutlined aria-hidden />}
          onClick={() => setAdding(true)}
          data-testid="exception-add"
        >
          {t('scheduling.schedules.addException')}
        </Button>
      }
      data-testid="schedule-exceptions"
    >
      <p className="muted">{t('scheduling.schedules.exceptionsIntro', { days: EXCEPTION_DAYS })}</p>
      {exceptions.isError ? (
        <QueryError error={exceptions.error} onRetry={() => void exceptions.refetch()} />
      ) : null}
      {exceptions.data && items.length === 0 ? (
        <p className="muted">{t('scheduling.schedules.exceptionsEmpty')}</p>
      ) : null}
      {items.length > 0 ? (
        <ul className="exception-list">
          {items.map((ex) => {
            const kind = t(`scheduling.schedules.exceptionKinds.${ex.kind}`);
            return (
              <li key={ex.id} className="exception-item" data-testid="schedule-exception" data-kind={ex.kind}>
                <strong>{ex.date}</strong>
                <span>{kind}</span>
                {ex.kind === 'changed' && ex.startTime && ex.endTime ? (
                  <span>
                    {ex.startTime}–{ex.endTime}
                  </span>
                ) : null}
                {ex.reason ? <span className="muted">{ex.reason}</span> : null}
                {ex.cancelledAppointments > 0 ? (
                  <span className="muted">
                    {t('scheduling.schedules.cancelledAppointments', { count: ex.cancelledAppointments })}
                  </span>
                ) : null}
                <Popconfirm
                  title={t('scheduling.schedules.withdrawConfirm')}
                  okText={t('scheduling.schedules.withdraw')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => void remove(ex.id)}
                >
                  <Button
                    size="small"
                    aria-label={t('scheduling.schedules.withdrawLabel', { date: ex.date, kind })}
                  >
                    {t('scheduling.schedules.withdraw')}
                  </Button>
                </Popconfirm>
              </li>
            );
          })}
        </ul>
      ) : null}
      {adding ? (
        <ExceptionModal doctorId={doctorId} templates={templates} onClose={() => setAdding(false)} />
      ) : null}
    </Card>
  );
}
