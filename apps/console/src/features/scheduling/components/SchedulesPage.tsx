import { PlusOutlined } from '@ant-design/icons';
import type { ScheduleTemplate } from '@careloop/contracts';
import { App, Button, Card, Form, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageTitle } from '../../../components/PageTitle';
import { QueryError } from '../../../components/QueryError';
import { problemText } from '../../../lib/problems';
import { hasAnyRole, useStaffMe } from '../../auth/hooks/use-me';
import { useDoctors } from '../hooks/use-doctors';
import { useDeleteTemplate, useTemplates } from '../hooks/use-scheduling';
import '../scheduling.css';
import { DoctorSelect } from './DoctorSelect';
import { ExceptionsCard } from './ExceptionsCard';
import { GeneratedSlotsCard } from './GeneratedSlotsCard';
import { TemplateModal } from './TemplateModal';
import { WeekGrid } from './WeekGrid';

type Editing = { template: ScheduleTemplate | null; weekday: number } | null;

/**
 * The schedules editor: a doctor's weekly templates as a week, their days off and changes, and the slots they
 * generate. Doctors edit their own; org admins pick any doctor (kept in the URL, ?doctor=).
 */
export function SchedulesPage() {
  const { t } = useTranslation();
  const me = useStaffMe();
  const isAdmin = hasAnyRole(me, ['org_admin']);
  const [params, setParams] = useSearchParams();
  const doctorId = isAdmin ? (params.get('doctor') ?? undefined) : me.accountId;
  const { doctors } = useDoctors();
  const doctor = doctors.find((d) => d.id === doctorId);

  return (
    <>
      <PageTitle>{t('scheduling.schedules.title')}</PageTitle>
      <Typography.Paragraph className="muted">{t('scheduling.schedules.intro')}</Typography.Paragraph>
      {isAdmin ? (
        <Form layout="inline" className="scheduling-filters">
          <Form.Item label={t('scheduling.schedules.doctorLabel')} htmlFor="schedule-doctor">
            <DoctorSelect
              id="schedule-doctor"
              value={doctorId}
              onChange={(next) => setParams(next ? { doctor: next } : {}, { replace: true })}
              testId="schedule-doctor"
            />
          </Form.Item>
        </Form>
      ) : null}
      {doctorId ? (
        <DoctorSchedule key={doctorId} doctorId={doctorId} departmentId={doctor?.departmentId ?? null} />
      ) : (
        <p className="muted">{t('scheduling.schedules.pickDoctor')}</p>
      )}
    </>
  );
}

function DoctorSchedule({ doctorId, departmentId }: { doctorId: string; departmentId: string | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const templates = useTemplates(doctorId);
  const remove = useDeleteTemplate(doctorId);
  const [editing, setEditing] = useState<Editing>(null);
  const items = templates.data ?? [];

  async function deleteTemplate(template: ScheduleTemplate) {
    try {
      await remove.mutateAsync(template.id);
      void message.success(t('scheduling.schedules.deleted'));
    } catch (error) {
      void message.error(problemText(error, t));
    }
  }

  return (
    <div className="scheduling-stack">
      <Card
        title={<h2 className="card-heading">{t('scheduling.schedules.weekTitle')}</h2>}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined aria-hidden />}
            onClick={() => setEditing({ template: null, weekday: 1 })}
            data-testid="schedule-add"
          >
            {t('scheduling.schedules.add')}
          </Button>
        }
      >
        {templates.isPending ? (
          <Skeleton active />
        ) : templates.isError ? (
          <QueryError error={templates.error} onRetry={() => void templates.refetch()} />
        ) : (
          <>
            {items.length === 0 ? <p className="muted">{t('scheduling.schedules.empty')}</p> : null}
            <WeekGrid
              templates={items}
              onAdd={(weekday) => setEditing({ template: null, weekday })}
              onEdit={(template) => setEditing({ template, weekday: template.weekday })}
              onDelete={(template) => void deleteTemplate(template)}
              deleting={remove.isPending ? (remove.variables ?? null) : null}
            />
          </>
        )}
      </Card>
      <ExceptionsCard doctorId={doctorId} templates={items} />
      <GeneratedSlotsCard doctorId={doctorId} />
      {editing ? (
        <TemplateModal
          doctorId={doctorId}
          template={editing.template}
          weekday={editing.weekday}
          defaultDepartmentId={departmentId}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </div>
  );
}
