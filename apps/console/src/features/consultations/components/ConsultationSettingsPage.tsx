import type { ConsultationSettings } from '@careloop/contracts';
import { Alert, App, Button, Card, Form, InputNumber, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../../components/PageTitle';
import { QueryError } from '../../../components/QueryError';
import { applyFieldErrors, problemText } from '../../../lib/problems';
import { useConsultationSettings, useSaveConsultationSettings } from '../hooks/use-consultations';

/** The organization's consultation rules: how long follow-up questions are taken, and when a request expires. */
export function ConsultationSettingsPage() {
  const { t } = useTranslation();
  const settings = useConsultationSettings();
  return (
    <>
      <PageTitle>{t('consult.settings.title')}</PageTitle>
      <Card className="settings-card">
        <Typography.Paragraph>{t('consult.settings.intro')}</Typography.Paragraph>
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

function SettingsForm({ settings }: { settings: ConsultationSettings }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ConsultationSettings>();
  const save = useSaveConsultationSettings();

  async function submit(values: ConsultationSettings) {
    try {
      await save.mutateAsync(values);
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
      <Form<ConsultationSettings>
        form={form}
        name="consultation-settings"
        layout="vertical"
        initialValues={settings}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item
          name="followUpDays"
          label={t('consult.settings.followUpDays')}
          extra={t('consult.settings.followUpHelp')}
          rules={[
            {
              required: true,
              type: 'integer',
              min: 0,
              max: 90,
              message: t('consult.settings.range', { min: 0, max: 90 }),
            },
          ]}
        >
          <InputNumber
            min={0}
            max={90}
            precision={0}
            suffix={t('consult.days')}
            data-testid="consult-settings-followup"
          />
        </Form.Item>
        <Form.Item
          name="requestExpiryHours"
          label={t('consult.settings.expiryHours')}
          extra={t('consult.settings.expiryHelp')}
          rules={[
            {
              required: true,
              type: 'integer',
              min: 1,
              max: 720,
              message: t('consult.settings.range', { min: 1, max: 720 }),
            },
          ]}
        >
          <InputNumber
            min={1}
            max={720}
            precision={0}
            suffix={t('consult.hours')}
            data-testid="consult-settings-expiry"
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="consult-settings-save">
          {t('common.save')}
        </Button>
      </Form>
    </>
  );
}
