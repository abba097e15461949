import type {
  AlertSeverity,
  EffectiveMonitoringRule,
  MonitoringRuleOverrideInput,
} from '@careloop/contracts';
import { Alert, App, Form, Input, InputNumber, Modal, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, problemText } from '../../../lib/problems';
import { useOverrideRule } from '../hooks/use-patient-monitoring';
import { SEVERITIES } from '../lib/options';
import { METRIC_UNITS, comparisonSign, editableFields } from '../lib/rule-params';

interface Values {
  enabled: boolean;
  value?: number;
  companionValue?: number;
  count?: number;
  days?: number;
  severity: AlertSeverity;
  reason: string;
}

/**
 * Changes one rule for this patient. The reason is required: it is shown beside the rule and kept in the audit, so
 * the next clinician knows why this patient's limits differ from the guideline's.
 */
export function RuleOverrideModal({
  patientId,
  rule,
  onClose,
}: {
  patientId: string;
  rule: EffectiveMonitoringRule;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useOverrideRule(patientId);
  const fields = editableFields(rule);
  const unit = METRIC_UNITS[rule.metric];

  async function submit(values: Values) {
    const input: MonitoringRuleOverrideInput = {
      enabled: values.enabled,
      severity: values.severity,
      reason: values.reason.trim(),
      ...(fields.value && values.value !== undefined ? { value: values.value } : {}),
      ...(fields.companionValue && values.companionValue !== undefined
        ? { companionValue: values.companionValue }
        : {}),
      ...(fields.count && values.count !== undefined ? { count: values.count } : {}),
      ...(fields.days && values.days !== undefined ? { days: values.days } : {}),
    };
    try {
      await save.mutateAsync({ key: rule.key, input });
      void message.success(t('monitoringRules.saved'));
      onClose();
    } catch (error) {
      applyFieldErrors(form, error);
    }
  }

  return (
    <Modal
      open
      title={t('monitoringRules.editTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'rule-override-save' }}
    >
      <Typography.Paragraph strong>{rule.description}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        {t('monitoringRules.sourceLine', { source: rule.source })}
      </Typography.Paragraph>
      {save.error ? (
        <Alert type="error" showIcon role="alert" title={problemText(save.error, t)} className="form-alert" />
      ) : null}
      <Form<Values>
        form={form}
        name="rule-override"
        layout="vertical"
        initialValues={{
          enabled: rule.enabled,
          value: rule.value ?? undefined,
          companionValue: rule.companionValue ?? undefined,
          count: rule.count ?? undefined,
          days: rule.days ?? undefined,
          severity: rule.severity,
          reason: '',
        }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item label={t('monitoringRules.enabled')} name="enabled" valuePropName="checked">
          <Switch />
        </Form.Item>
        {fields.value ? (
          <Form.Item
            label={t('monitoringRules.valueLabel', {
              metric: t(`monitoring.metrics.${rule.metric}`),
              comparison: comparisonSign(rule.comparison),
            })}
            name="value"
            rules={[{ required: true, message: t('monitoringRules.valueRequired') }]}
          >
            <InputNumber
              className="rule-number"
              step={rule.metric === 'glucose' ? 0.1 : 1}
              suffix={unit}
              data-testid="rule-value"
            />
          </Form.Item>
        ) : null}
        {fields.companionValue && rule.companionMetric ? (
          <Form.Item
            label={t('monitoringRules.companionLabel', {
              metric: t(`monitoring.metrics.${rule.companionMetric}`),
              comparison: comparisonSign(rule.comparison),
            })}
            name="companionValue"
            rules={[{ required: true, message: t('monitoringRules.valueRequired') }]}
          >
            <InputNumber className="rule-number" step={1} suffix={METRIC_UNITS[rule.companionMetric]} />
          </Form.Item>
        ) : null}
        {fields.count ? (
          <Form.Item
            label={t('monitoringRules.countLabel')}
            name="count"
            rules={[
              {
                required: true,
                type: 'integer',
                min: 2,
                max: 20,
                message: t('monitoringRules.countInvalid'),
              },
            ]}
          >
            <InputNumber className="rule-number" min={2} max={20} precision={0} />
          </Form.Item>
        ) : null}
        {fields.days ? (
          <Form.Item
            label={t('monitoringRules.daysLabel')}
            name="days"
            rules={[
              { required: true, type: 'integer', min: 1, max: 90, message: t('monitoringRules.daysInvalid') },
            ]}
          >
            <InputNumber
              className="rule-number"
              min={1}
              max={90}
              precision={0}
              suffix={t('monitoringRules.daysUnit')}
            />
          </Form.Item>
        ) : null}
        <Form.Item label={t('monitoringRules.severity')} name="severity">
          <Select options={SEVERITIES.map((s) => ({ value: s, label: t(`monitoring.severity.${s}`) }))} />
        </Form.Item>
        <Form.Item
          label={t('monitoringRules.reason')}
          name="reason"
          extra={t('monitoringRules.reasonHelp')}
          rules={[
            { required: true, whitespace: true, message: t('monitoringRules.reasonRequired') },
            { max: 300, message: t('monitoringRules.reasonTooLong') },
          ]}
        >
          <Input.TextArea rows={3} maxLength={300} showCount data-testid="rule-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
