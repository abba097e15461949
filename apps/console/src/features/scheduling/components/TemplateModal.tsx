import type { ScheduleTemplate, ScheduleTemplateBody, VisitMode } from '@careloop/contracts';
import { Alert, App, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import type { ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { applyFieldErrors, problemText } from '../../../lib/problems';
import { departmentLabel } from '../../admin/hooks/use-department-name';
import { useDepartments } from '../../admin/hooks/use-admin';
import { useSaveTemplate } from '../hooks/use-scheduling';
import { localIsoDate, weekdayKey, WEEKDAYS } from '../lib/schedule';
import { SlotTimesPreview } from './SlotTimesPreview';

interface TemplateForm {
  weekday: number;
  startTime: string;
  endTime: string;
  slotMinutes: number;
  capacity: number;
  mode: VisitMode;
  feeYuan: number;
  departmentId: string | null;
  validFrom: string;
  validUntil: string;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function formOf(
  template: ScheduleTemplate | null,
  weekday: number,
  departmentId: string | null,
): TemplateForm {
  if (!template) {
    return {
      weekday,
      startTime: '08:00',
      endTime: '12:00',
      slotMinutes: 15,
      capacity: 1,
      mode: 'in_person',
      feeYuan: 0,
      departmentId,
      validFrom: localIsoDate(),
      validUntil: '',
    };
  }
  return {
    weekday: template.weekday,
    startTime: template.startTime,
    endTime: template.endTime,
    slotMinutes: template.slotMinutes,
    capacity: template.capacity,
    mode: template.mode,
    feeYuan: template.feeFen / 100,
    departmentId: template.department?.id ?? null,
    validFrom: template.validFrom,
    validUntil: template.validUntil ?? '',
  };
}

/**
 * Adds a weekly session for a doctor or edits one. The times are checked here; an overlap with another session of
 * the same doctor is the server's to find, and its refusal is shown on the time fields.
 */
export function TemplateModal({
  doctorId,
  template,
  weekday,
  defaultDepartmentId,
  onClose,
}: {
  doctorId: string;
  template: ScheduleTemplate | null;
  weekday: number;
  defaultDepartmentId: string | null;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TemplateForm>();
  const save = useSaveTemplate();
  const departments = useDepartments();
  const required = { required: true, message: t('scheduling.template.required') };
  const time = [required, { pattern: TIME, message: t('scheduling.template.timeInvalid') }];
  const startTime = Form.useWatch('startTime', form) ?? '';
  const endTime = Form.useWatch('endTime', form) ?? '';
  const slotMinutes = Form.useWatch('slotMinutes', form) ?? 0;
  const capacity = Form.useWatch('capacity', form) ?? 0;

  async function submit(values: TemplateForm) {
    const body: ScheduleTemplateBody = {
      doctorId,
      departmentId: values.departmentId ?? null,
      weekday: values.weekday,
      startTime: values.startTime,
      endTime: values.endTime,
      slotMinutes: values.slotMinutes,
      capacity: values.capacity,
      mode: values.mode,
      feeFen: Math.round(values.feeYuan * 100),
      validFrom: values.validFrom || undefined,
      validUntil: values.validUntil || null,
    };
    try {
      const saved = await save.mutateAsync({ id: template?.id ?? null, body, version: template?.version });
      if (saved.keptSessions)
        void message.warning(t('scheduling.template.savedKept', { count: saved.keptSessions }), 8);
      else void message.success(t('scheduling.template.saved'));
      onClose();
    } catch (error) {
      if (isApiError(error, 'SCHEDULE_OVERLAP')) {
        // The refusal belongs to the session's times: say it there, where the person will change them.
        const text = problemText(error, t);
        form.setFields([{ name: 'startTime', errors: [text] }]);
        form.scrollToField('startTime');
        return;
      }
      applyFieldErrors(form, error);
    }
  }

  const overlap = isApiError(save.error, 'SCHEDULE_OVERLAP');
  return (
    <Modal
      open
      title={template ? t('scheduling.template.editTitle') : t('scheduling.template.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'template-save' } as ButtonProps}
      width={720}
    >
      {save.error && !overlap ? (
        <Alert type="error" showIcon role="alert" title={problemText(save.error, t)} className="form-alert" />
      ) : null}
      <Form<TemplateForm>
        form={form}
        name="schedule-template"
        layout="vertical"
        initialValues={formOf(template, weekday, defaultDepartmentId)}
        onFinish={(values) => void submit(values)}
        data-testid="template-form"
      >
        <div className="scheduling-form-row">
          <Form.Item name="weekday" label={t('scheduling.template.weekday')} rules={[required]}>
            <Select
              options={WEEKDAYS.map((d) => ({
                value: d,
                label: t(`scheduling.weekdays.${weekdayKey(d)}`),
              }))}
              data-testid="template-weekday"
            />
          </Form.Item>
          <Form.Item name="startTime" label={t('scheduling.template.start')} rules={time}>
            <Input type="time" step={300} data-testid="template-start" />
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
            <Input type="time" step={300} data-testid="template-end" />
          </Form.Item>
        </div>
        <div className="scheduling-form-row">
          <Form.Item
            name="slotMinutes"
            label={t('scheduling.template.slotMinutes')}
            rules={[
              required,
              {
                type: 'integer',
                min: 5,
                max: 240,
                message: t('scheduling.template.range', { min: 5, max: 240 }),
              },
            ]}
          >
            <InputNumber
              min={5}
              max={240}
              precision={0}
              suffix={t('scheduling.template.minutes')}
              data-testid="template-slot"
            />
          </Form.Item>
          <Form.Item
            name="capacity"
            label={t('scheduling.template.capacity')}
            rules={[
              required,
              {
                type: 'integer',
                min: 1,
                max: 100,
                message: t('scheduling.template.range', { min: 1, max: 100 }),
              },
            ]}
          >
            <InputNumber
              min={1}
              max={100}
              precision={0}
              suffix={t('scheduling.template.people')}
              data-testid="template-capacity"
            />
          </Form.Item>
          <Form.Item
            name="feeYuan"
            label={t('scheduling.template.fee')}
            rules={[
              required,
              { type: 'number', min: 0, max: 100_000, message: t('scheduling.template.feeRange') },
            ]}
          >
            <InputNumber
              min={0}
              max={100_000}
              precision={2}
              step={1}
              suffix={t('scheduling.template.feeUnit')}
              data-testid="template-fee"
            />
          </Form.Item>
        </div>
        <Form.Item name="mode" label={t('scheduling.template.mode')} rules={[required]}>
          <Radio.Group
            optionType="button"
            options={(['in_person', 'online'] as const).map((m) => ({
              value: m,
              label: t(`scheduling.modes.${m}`),
            }))}
            data-testid="template-mode"
          />
        </Form.Item>
        <Form.Item name="departmentId" label={t('scheduling.template.department')}>
          <Select
            allowClear
            loading={departments.isPending}
            placeholder={t('scheduling.noDepartment')}
            options={(departments.data ?? [])
              .filter((d) => d.active)
              .map((d) => ({ value: d.id, label: departmentLabel(d, i18n.language) }))}
            data-testid="template-department"
          />
        </Form.Item>
        <div className="scheduling-form-row">
          <Form.Item name="validFrom" label={t('scheduling.template.validFrom')}>
            <Input type="date" data-testid="template-valid-from" />
          </Form.Item>
          <Form.Item
            name="validUntil"
            label={t('scheduling.template.validUntil')}
            extra={t('scheduling.template.validUntilHelp')}
            dependencies={['validFrom']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_rule, value: string) =>
                  !value || !getFieldValue('validFrom') || value >= String(getFieldValue('validFrom'))
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('scheduling.template.untilAfterFrom'))),
              }),
            ]}
          >
            <Input type="date" data-testid="template-valid-until" />
          </Form.Item>
        </div>
      </Form>
      <SlotTimesPreview start={startTime} end={endTime} slotMinutes={slotMinutes} capacity={capacity} />
    </Modal>
  );
}
