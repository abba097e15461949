import { Button, Form, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { dayBoundary, UUID_PATTERN } from '../../../lib/format';
import type { AuditFilters } from '../api/audit-api';

interface Values {
  patientId?: string;
  actorId?: string;
  action?: string;
  from?: string;
  to?: string;
}

/** Filters by patient, actor, action and a date range (whole local days, sent as ISO instants). */
export function AuditFilterForm({ onApply }: { onApply: (filters: AuditFilters) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const uuidRule = {
    validator: async (_: unknown, value?: string) => {
      if (value?.trim() && !UUID_PATTERN.test(value.trim())) throw new Error(t('audit.uuidInvalid'));
    },
  };

  function apply(values: Values) {
    onApply({
      patientId: values.patientId?.trim() || undefined,
      actorId: values.actorId?.trim() || undefined,
      action: values.action?.trim() || undefined,
      from: values.from ? dayBoundary(values.from, 'start') : undefined,
      to: values.to ? dayBoundary(values.to, 'end') : undefined,
    });
  }

  return (
    <Form<Values> form={form} name="audit-filter" layout="inline" className="filter-form" onFinish={apply}>
      <Form.Item label={t('audit.patientId')} name="patientId" rules={[uuidRule]}>
        <Input allowClear className="filter-form__uuid" />
      </Form.Item>
      <Form.Item label={t('audit.actorId')} name="actorId" rules={[uuidRule]}>
        <Input allowClear className="filter-form__uuid" />
      </Form.Item>
      <Form.Item label={t('audit.action')} name="action">
        <Input allowClear maxLength={80} />
      </Form.Item>
      <Form.Item label={t('audit.from')} name="from">
        <Input type="date" />
      </Form.Item>
      <Form.Item label={t('audit.to')} name="to">
        <Input type="date" />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit">
          {t('audit.apply')}
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            onApply({});
          }}
        >
          {t('common.reset')}
        </Button>
      </Space>
    </Form>
  );
}
