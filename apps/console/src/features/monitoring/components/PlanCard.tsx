import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { MonitoringMetric, MonitoringPlan, MonitoringPlanInput, ReadingType } from '@careloop/contracts';
import { Alert, App, Button, Checkbox, Form, Input, Radio, Select, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/QueryError';
import { formatDateTime } from '../../../lib/format';
import { applyFieldErrors, problemText } from '../../../lib/problems';
import { usePlan, useSavePlan } from '../hooks/use-patient-monitoring';
import { TIME_OF_DAY, normalizeTime } from '../lib/plan-times';
import { GLUCOSE_TARGETS, MONITORING_METRICS, READING_TYPES, type GlucoseTargets } from '../lib/options';
import { MonitoringCard } from './MonitoringCard';

interface Values {
  metrics: MonitoringMetric[];
  reminders: { type?: ReadingType; times?: string[] }[];
  glucoseTargets: GlucoseTargets;
  note?: string;
}

const MAX_REMINDERS = 8;
const MAX_TIMES = 8;

function valuesOf(plan: MonitoringPlan | null): Values {
  return {
    metrics: plan?.metrics ?? [],
    reminders: plan?.reminders.map((r) => ({ type: r.type, times: r.times })) ?? [],
    glucoseTargets: plan?.glucoseTargets ?? 'standard',
    note: plan?.note ?? '',
  };
}

/** What the patient is asked to measure and when, and which glucose targets apply. */
export function PlanCard({ patientId, canEdit }: { patientId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const plan = usePlan(patientId);
  let body;
  if (plan.isPending) body = <Skeleton active paragraph={{ rows: 4 }} />;
  else if (plan.isError) body = <QueryError error={plan.error} onRetry={() => void plan.refetch()} />;
  else
    body = (
      <PlanForm key={plan.data?.version ?? 0} patientId={patientId} plan={plan.data} canEdit={canEdit} />
    );
  return (
    <MonitoringCard title={t('monitoringPlan.title')} testId="monitoring-plan">
      {body}
    </MonitoringCard>
  );
}

function PlanForm({
  patientId,
  plan,
  canEdit,
}: {
  patientId: string;
  plan: MonitoringPlan | null;
  canEdit: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSavePlan(patientId);

  async function submit(values: Values) {
    const input: MonitoringPlanInput = {
      metrics: values.metrics,
      reminders: values.reminders
        .filter((r): r is { type: ReadingType; times: string[] } => !!r.type && !!r.times?.length)
        .map((r) => ({ type: r.type, times: [...new Set(r.times.map(normalizeTime))].sort() })),
      glucoseTargets: values.glucoseTargets,
      note: values.note?.trim() || undefined,
    };
    try {
      await save.mutateAsync(input);
      void message.success(t('monitoringPlan.saved'));
    } catch (error) {
      applyFieldErrors(form, error);
    }
  }

  return (
    <>
      {plan ? (
        <Typography.Paragraph type="secondary">
          {t('monitoringPlan.since', {
            started: formatDateTime(plan.startedAt, i18n.language),
            updated: formatDateTime(plan.updatedAt, i18n.language),
          })}
        </Typography.Paragraph>
      ) : (
        <Alert
          type="info"
          showIcon
          title={t('monitoringPlan.none')}
          className="form-alert"
          data-testid="plan-none"
        />
      )}
      {save.error ? (
        <Alert type="error" showIcon role="alert" title={problemText(save.error, t)} className="form-alert" />
      ) : null}
      <Form<Values>
        form={form}
        name="monitoring-plan"
        layout="vertical"
        disabled={!canEdit}
        initialValues={valuesOf(plan)}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item label={t('monitoringPlan.metrics')} name="metrics" extra={t('monitoringPlan.metricsHelp')}>
          <Checkbox.Group
            options={MONITORING_METRICS.map((m) => ({ value: m, label: t(`monitoring.metrics.${m}`) }))}
            data-testid="plan-metrics"
          />
        </Form.Item>
        <fieldset className="form-fieldset">
          <legend>{t('monitoringPlan.reminders')}</legend>
          <Form.List name="reminders">
            {(fields, { add, remove }) => (
              <>
                {fields.length === 0 ? (
                  <Typography.Paragraph type="secondary">
                    {t('monitoringPlan.noReminders')}
                  </Typography.Paragraph>
                ) : null}
                {fields.map((field, index) => (
                  <Space
                    key={field.key}
                    align="start"
                    wrap
                    className="plan-reminder"
                    data-testid="plan-reminder"
                  >
                    <Form.Item
                      name={[field.name, 'type']}
                      label={t('monitoringPlan.reminderType', { index: index + 1 })}
                      rules={[{ required: true, message: t('monitoringPlan.reminderTypeRequired') }]}
                    >
                      <Select
                        className="plan-reminder__type"
                        options={READING_TYPES.map((type) => ({
                          value: type,
                          label: t(`monitoring.readingTypes.${type}`),
                        }))}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'times']}
                      label={t('monitoringPlan.reminderTimes', { index: index + 1 })}
                      extra={t('monitoringPlan.timesHelp')}
                      normalize={(value: string[] | undefined) => value?.map(normalizeTime)}
                      rules={[
                        { required: true, type: 'array', min: 1, message: t('monitoringPlan.timesRequired') },
                        {
                          type: 'array',
                          max: MAX_TIMES,
                          message: t('monitoringPlan.timesTooMany', { count: MAX_TIMES }),
                        },
                        {
                          validator: async (_, value: string[] | undefined) => {
                            if (value?.some((time) => !TIME_OF_DAY.test(time)))
                              throw new Error(t('monitoringPlan.timesInvalid'));
                          },
                        },
                      ]}
                    >
                      <Select
                        mode="tags"
                        className="plan-reminder__times"
                        tokenSeparators={[',', ' ', '，']}
                        open={false}
                        suffixIcon={null}
                      />
                    </Form.Item>
                    {canEdit ? (
                      <Button
                        className="plan-reminder__remove"
                        icon={<DeleteOutlined aria-hidden />}
                        onClick={() => remove(field.name)}
                        aria-label={t('monitoringPlan.removeReminder', { index: index + 1 })}
                      />
                    ) : null}
                  </Space>
                ))}
                {canEdit && fields.length < MAX_REMINDERS ? (
                  <Button
                    icon={<PlusOutlined aria-hidden />}
                    onClick={() => add({ times: [] })}
                    data-testid="plan-add-reminder"
                  >
                    {t('monitoringPlan.addReminder')}
                  </Button>
                ) : null}
              </>
            )}
          </Form.List>
        </fieldset>
        <Form.Item
          label={t('monitoringPlan.glucoseTargets')}
          name="glucoseTargets"
          extra={t('monitoringPlan.glucoseTargetsHelp')}
        >
          <Radio.Group>
            {GLUCOSE_TARGETS.map((value) => (
              <Radio key={value} value={value}>
                {t(`monitoringPlan.targets.${value}`)}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item
          label={t('monitoringPlan.note')}
          name="note"
          rules={[{ max: 500, message: t('monitoringPlan.noteTooLong') }]}
        >
          <Input.TextArea rows={2} maxLength={500} showCount />
        </Form.Item>
        {canEdit ? (
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="plan-save">
            {t('common.save')}
          </Button>
        ) : (
          <Typography.Text type="secondary">{t('monitoringTab.readOnly')}</Typography.Text>
        )}
      </Form>
    </>
  );
}
