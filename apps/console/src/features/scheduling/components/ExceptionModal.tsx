import type { ScheduleExceptionBody, ScheduleTemplate } from '@careloop/contracts';
import { Alert, App, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import type { ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, problemText } from '../../../lib/problems';
import { useCreateException } from '../hooks/use-scheduling';
import { localIsoDate } from '../lib/schedule';

interface ExceptionForm {
  date: string;
  kind: 'off' | 'changed';
  templateId?: string;
  startTime?: string;
  endTime?: string;
  slotMinutes?: number;
  capacity?: number;
  reason?: string;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** ISO weekday (1 = Monday) of a YYYY-MM-DD date. */
function weekdayOf(date: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const day = new Date(`${date}T12:00:00`).getDay();
  return day === 0 ? 7 : day;
}

/** A day off (that day's bookings are cancelled, patients told) or one session running differently that day. */
export function ExceptionModal({
  doctorId,
  templates,
  onClose,
}: {
  doctorId: string;
  templates: readonly ScheduleTemplate[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ExceptionForm>();
  const create = useCreateException();
  const kind = Form.useWatch('kind', form) ?? 'off';
  const date = Form.useWatch('date', form) ?? '';
  const weekday = weekdayOf(date);
  const sameDay = templates.filter((tpl) => tpl.weekday === weekday);
  const required = { required: true, message: t('scheduling.template.required') };
  const time = [required, { pattern: TIME, message: t('scheduling.template.timeInvalid') }];

  function pickTemplate(templateId: string) {
    const template = templates.find((tpl) => tpl.id === templateId);
    if (template) {
      form.setFieldsValue({
        startTime: template.startTime,
        endTime: template.endTime,
        slotMinutes: template.slotMinutes,
        capacity: template.capacity,
      });
    }
  }

  async function submit(values: ExceptionForm) {
    const body: ScheduleExceptionBody =
      values.kind === 'off'
        ? { doctorId, date: values.date, kind: 'off', reason: values.reason?.trim() || undefined }
        : {
            doctorId,
            date: values.date,
            kind: 'changed',
            templateId: values.templateId ?? null,
            startTime: values.startTime,
            endTime: values.endTime,
            slotMinutes: values.slotMinutes,
            capacity: values.capacity,
            reason: values.reason?.trim() || undefined,
          };
    try {
      const saved = await create.mutateAsync(body);
      void message.success(
        saved.cancelledAppointments > 0
          ? t('scheduling.exception.savedCancelled', {
              count: saved.cancelledAppointments,
              offered: saved.offeredPlaces ?? 0,
            })
          : t('scheduling.exception.saved'),
      );
      onClose();
    } catch (error) {
      applyFieldErrors(form, error);
    }
  }

  return (
    <Modal
      open
      title={t('scheduling.exception.title')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'exception-save' } as ButtonProps}
    >
      {create.error ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={problemText(create.error, t)}
          className="form-alert"
        />
      ) : null}
      <Form<ExceptionForm>
        form={form}
        name="schedule-exception"
        layout="vertical"
        initialValues={{ kind: 'off', date: localIsoDate() }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item name="date" label={t('scheduling.exception.date')} rules={[required]}>
          <Input type="date" min={localIsoDate()} data-testid="exception-date" />
        </Form.Item>
        <Form.Item
          name="kind"
          label={t('scheduling.exception.kind')}
          extra={kind === 'off' ? t('scheduling.exception.offHelp') : undefined}
        >
          <Radio.Group
            optionType="button"
            options={(['off', 'changed'] as const).map((k) => ({
              value: k,
              label: t(`scheduling.schedules.exceptionKinds.${k}`),
            }))}
            data-testid="exception-kind"
          />
        </Form.Item>
        {kind === 'changed' ? (
          <>
            <Form.Item
              name="templateId"
              label={t('scheduling.exception.template')}
              extra={
                sameDay.length
                  ? t('scheduling.exception.templateHelp')
                  : t('scheduling.exception.noTemplates')
              }
              rules={[required]}
            >
              <Select
                options={sameDay.map((tpl) => ({ value: tpl.id, label: `${tpl.startTime}–${tpl.endTime}` }))}
                onChange={pickTemplate}
                data-testid="exception-template"
              />
            </Form.Item>
            <div className="scheduling-form-row">
              <Form.Item name="startTime" label={t('scheduling.template.start')} rules={time}>
                <Input type="time" step={300} data-testid="exception-start" />
              </Form.Item>
              <Form.Item
                name="endTime"
                label={t('scheduling.template.end')}
                dependencies={['startTime']}
                rules={[
                  ...time,
                  ({ getFieldValue }) => ({
                    validator: (_rule, value: string) =>
                      !value || !getFieldValue('startTime') || value > String(getFieldValue('startTime'))
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('scheduling.template.endAfterStart'))),
                  }),
                ]}
              >
                <Input type="time" step={300} data-testid="exception-end" />
              </Form.Item>
            </div>
            <div className="scheduling-form-row">
              <Form.Item name="slotMinutes" label={t('scheduling.template.slotMinutes')}>
                <InputNumber min={5} max={240} precision={0} suffix={t('scheduling.template.minutes')} />
              </Form.Item>
              <Form.Item name="capacity" label={t('scheduling.template.capacity')}>
                <InputNumber min={1} max={100} precision={0} suffix={t('scheduling.template.people')} />
              </Form.Item>
            </div>
          </>
        ) : null}
        <Form.Item name="reason" label={t('scheduling.exception.reason')}>
          <Input maxLength={200} data-testid="exception-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
