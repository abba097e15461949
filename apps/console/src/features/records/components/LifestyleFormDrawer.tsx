import type { LifestyleInput } from '@careloop/contracts';
import { Alert, App, Button, Drawer, Form, Input, InputNumber, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newIdempotencyKey } from '../../../api/client';
import { applyFieldErrors, problemText } from '../../../lib/problems';
import { useAddLifestyle } from '../hooks/use-record-writes';
import { localizeFieldErrors } from '../lib/field-errors';
import { fromLocalInput, toLocalInput } from '../lib/format';
import { ALCOHOL_USES, SMOKING_STATUSES, type AlcoholUse, type SmokingStatus } from '../lib/record-types';

interface Values {
  assessedAt?: string;
  smoking?: SmokingStatus | null;
  cigarettesPerDay?: number | null;
  alcohol?: AlcoholUse | null;
  activityMinutesPerWeek?: number | null;
  diet?: string;
  sleepHours?: number | null;
  note?: string;
}

/** Form values as the POST body: what was not assessed is left out, not sent as empty. */
export function toLifestyleInput(values: Values): LifestyleInput {
  const input: LifestyleInput = { assessedAt: fromLocalInput(values.assessedAt) ?? undefined };
  if (values.smoking) input.smoking = values.smoking;
  if (values.smoking === 'current' && values.cigarettesPerDay != null)
    input.cigarettesPerDay = values.cigarettesPerDay;
  if (values.alcohol) input.alcohol = values.alcohol;
  if (values.activityMinutesPerWeek != null) input.activityMinutesPerWeek = values.activityMinutesPerWeek;
  if (values.sleepHours != null) input.sleepHours = values.sleepHours;
  if (values.diet?.trim()) input.diet = values.diet.trim();
  if (values.note?.trim()) input.note = values.note.trim();
  return input;
}

/** A new lifestyle assessment (assessments are kept as history, never edited). */
export function LifestyleFormDrawer({ patientId, onClose }: { patientId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | null>(null);
  const [key] = useState(newIdempotencyKey);
  const add = useAddLifestyle(patientId);
  const smoking = Form.useWatch('smoking', form);
  const label = (name: keyof typeof fieldKeys) => t(fieldKeys[name]);

  async function submit(values: Values) {
    setProblem(null);
    try {
      await add.mutateAsync({ input: toLifestyleInput(values), key });
      void message.success(t('record.sections.created'));
      onClose();
    } catch (error) {
      if (!applyFieldErrors(form, localizeFieldErrors(error, t))) setProblem(problemText(error, t));
    }
  }

  return (
    <Drawer
      open
      size={520}
      title={t('record.sections.addAssessment')}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Space className="modal-actions">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={add.isPending} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {problem ? <Alert type="error" showIcon role="alert" title={problem} className="form-alert" /> : null}
      <Form<Values>
        form={form}
        name="lifestyle"
        layout="vertical"
        initialValues={{ assessedAt: toLocalInput(new Date().toISOString()) }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item name="assessedAt" label={label('assessedAt')}>
          <Input type="datetime-local" max={toLocalInput(new Date().toISOString())} />
        </Form.Item>
        <div className="form-row">
          <Form.Item name="smoking" label={label('smoking')}>
            <Select
              allowClear
              options={SMOKING_STATUSES.map((v) => ({ value: v, label: t(`record.smoking.${v}`) }))}
            />
          </Form.Item>
          <Form.Item name="cigarettesPerDay" label={label('cigarettesPerDay')}>
            <InputNumber min={0} max={200} precision={0} disabled={smoking !== 'current'} />
          </Form.Item>
        </div>
        <div className="form-row">
          <Form.Item name="alcohol" label={label('alcohol')}>
            <Select
              allowClear
              options={ALCOHOL_USES.map((v) => ({ value: v, label: t(`record.alcohol.${v}`) }))}
            />
          </Form.Item>
          <Form.Item name="activityMinutesPerWeek" label={label('activity')}>
            <InputNumber min={0} max={10080} precision={0} />
          </Form.Item>
          <Form.Item name="sleepHours" label={label('sleepHours')}>
            <InputNumber min={0} max={24} step={0.5} />
          </Form.Item>
        </div>
        <Form.Item name="diet" label={label('diet')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item name="note" label={label('note')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

const fieldKeys = {
  assessedAt: 'record.lifestyleFields.assessedAt',
  smoking: 'record.lifestyleFields.smoking',
  cigarettesPerDay: 'record.lifestyleFields.cigarettesPerDay',
  alcohol: 'record.lifestyleFields.alcohol',
  activity: 'record.lifestyleFields.activity',
  sleepHours: 'record.lifestyleFields.sleepHours',
  diet: 'record.lifestyleFields.diet',
  note: 'record.lifestyleFields.note',
} as const;
