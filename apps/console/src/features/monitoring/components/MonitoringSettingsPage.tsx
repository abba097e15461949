import type { MonitoringSettings, StaffRole } from '@careloop/contracts';
import { Alert, App, Button, Card, Form, InputNumber, Select, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../../components/PageTitle';
import { QueryError } from '../../../components/QueryError';
import { applyFieldErrors, problemText } from '../../../lib/problems';
import { useStaffList } from '../../admin/hooks/use-admin';
import { useMonitoringSettings, useSaveMonitoringSettings } from '../hooks/use-board';
import '../monitoring.css';

interface Values {
  escalateAfterMinutes: number;
  onCallAccountId: string | null;
}

const ON_CALL_ROLES: readonly StaffRole[] = ['doctor', 'nurse', 'health_manager'];
const NOBODY = '';

/** The organization's alert escalation: how long an open alert waits, and who is on call at the end of the chain. */
export function MonitoringSettingsPage() {
  const { t } = useTranslation();
  const settings = useMonitoringSettings();
  return (
    <>
      <PageTitle>{t('monitoringSettings.title')}</PageTitle>
      <Card className="settings-card">
        <Typography.Paragraph>{t('monitoringSettings.intro')}</Typography.Paragraph>
        {settings.isPending ? (
          <Skeleton active />
        ) : settings.isError ? (
          <QueryError error={settings.error} onRetry={() => void settings.refetch()} />
        ) : (
          <SettingsForm settings={settings.data} />
        )}
      </Card>
    </>
  );
}

function SettingsForm({ settings }: { settings: MonitoringSettings }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const staff = useStaffList();
  const save = useSaveMonitoringSettings();
  const options = [
    { value: NOBODY, label: t('monitoringSettings.noOnCall') },
    ...(staff.data ?? [])
      .filter((s) => s.active && s.roles.some((r) => ON_CALL_ROLES.includes(r)))
      .map((s) => ({ value: s.id, label: `${s.name} (${s.roles.map((r) => t(`roles.${r}`)).join(', ')})` })),
  ];
  // The current on-call person stays choosable even when no longer in the list (left, or changed role).
  if (settings.onCall && !options.some((o) => o.value === settings.onCall?.id)) {
    options.push({ value: settings.onCall.id, label: settings.onCall.name });
  }

  async function submit(values: Values) {
    try {
      await save.mutateAsync({
        escalateAfterMinutes: values.escalateAfterMinutes,
        onCallAccountId: values.onCallAccountId || null,
      });
      void message.success(t('common.saved'));
    } catch (error) {
      applyFieldErrors(form, error);
    }
  }

  return (
    <>
      {save.error ? (
        <Alert type="error" showIcon role="alert" title={problemText(save.error, t)} className="form-alert" />
      ) : null}
      <Form<Values>
        form={form}
        name="monitoring-settings"
        layout="vertical"
        initialValues={{
          escalateAfterMinutes: settings.escalateAfterMinutes,
          onCallAccountId: settings.onCall?.id ?? NOBODY,
        }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          label={t('monitoringSettings.escalateAfter')}
          name="escalateAfterMinutes"
          extra={t('monitoringSettings.escalateAfterHelp')}
          rules={[
            { required: true, message: t('monitoringSettings.escalateAfterInvalid') },
            { type: 'integer', min: 1, max: 1440, message: t('monitoringSettings.escalateAfterInvalid') },
          ]}
        >
          <InputNumber
            min={1}
            max={1440}
            step={5}
            precision={0}
            suffix={t('monitoringSettings.minutes')}
            className="settings-card__minutes"
            data-testid="settings-escalate-after"
          />
        </Form.Item>
        <Form.Item
          label={t('monitoringSettings.onCall')}
          name="onCallAccountId"
          extra={t('monitoringSettings.onCallHelp')}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={options}
            loading={staff.isPending}
            className="settings-card__select"
            data-testid="settings-on-call"
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="settings-save">
          {t('common.save')}
        </Button>
      </Form>
    </>
  );
}
