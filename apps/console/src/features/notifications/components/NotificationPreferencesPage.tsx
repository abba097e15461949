import type { DeliveryChannel, NotificationCategory, QuietHours } from '@careloop/contracts';
import { Alert, Button, Card, Checkbox, Space, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { PageTitle } from '../../../components/PageTitle';
import { QueryError } from '../../../components/QueryError';
import { problemText } from '../../../lib/problems';
import {
  useNotificationPreferences,
  useSaveNotificationPreferences,
} from '../hooks/use-notification-settings';

const CATEGORIES: readonly NotificationCategory[] = [
  'consultation',
  'appointment',
  'medication',
  'monitoring',
  'follow_up',
  'system',
];
const CHANNELS: readonly DeliveryChannel[] = ['push', 'email', 'sms', 'wechat'];
type Channels = Record<NotificationCategory, DeliveryChannel[]>;
const FIELDSET = { border: 0, padding: 0, margin: '0 0 16px' } as const;

/** 通知设置 for staff: channels per category and quiet hours (urgent clinical alerts still come through). */
export function NotificationPreferencesPage() {
  const { t } = useTranslation();
  const prefs = useNotificationPreferences();
  const save = useSaveNotificationPreferences();
  const [channels, setChannels] = useState<Channels | null>(null);
  const [quiet, setQuiet] = useState<QuietHours | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (!prefs.data) return;
    setChannels(prefs.data.channels);
    setQuiet(prefs.data.quietHours);
  }, [prefs.data]);

  const fieldError = (path: string) =>
    isApiError(save.error) ? save.error.errors.find((e) => e.path === path)?.message : undefined;

  function submit() {
    if (!prefs.data || !channels) return;
    setSaved(false);
    save.mutate(
      { channels, quietHours: quiet, version: prefs.data.version },
      { onSuccess: () => setSaved(true) },
    );
  }

  const data = prefs.data;
  return (
    <>
      <PageTitle>{t('notifySettings.title')}</PageTitle>
      {prefs.error ? <QueryError error={prefs.error} onRetry={() => void prefs.refetch()} /> : null}
      {data && channels ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <Card title={<h2 className="card-heading">{t('notifySettings.channelsTitle')}</h2>}>
              <Typography.Paragraph type="secondary">{t('notifySettings.channelsHelp')}</Typography.Paragraph>
              {CATEGORIES.map((category) => (
                <fieldset key={category} style={FIELDSET} data-testid={`category-${category}`}>
                  <legend style={{ fontWeight: 600, fontSize: 14, marginBottom: 4 }}>
                    {t(`notifySettings.categories.${category}`)}
                  </legend>
                  <Checkbox.Group
                    value={channels[category]}
                    onChange={(list) => {
                      setSaved(false);
                      setChannels({ ...channels, [category]: list });
                    }}
                    options={CHANNELS.map((channel) => ({
                      value: channel,
                      disabled: !data.reachable[channel] && !channels[category].includes(channel),
                      label: data.reachable[channel]
                        ? t(`notifySettings.channels.${channel}`)
                        : `${t(`notifySettings.channels.${channel}`)} (${t(`notifySettings.unreachable.${channel}`)})`,
                    }))}
                  />
                </fieldset>
              ))}
            </Card>
            <Card title={<h2 className="card-heading">{t('notifySettings.quiet.title')}</h2>}>
              <Typography.Paragraph type="secondary">{t('notifySettings.quiet.help')}</Typography.Paragraph>
              <Space wrap align="center">
                <Switch
                  checked={quiet !== null}
                  onChange={(on) => {
                    setSaved(false);
                    setQuiet(on ? { start: '22:00', end: '07:00' } : null);
                  }}
                  aria-label={t('notifySettings.quiet.switch')}
                  data-testid="quiet-switch"
                />
                {quiet
                  ? (['start', 'end'] as const).map((edge) => (
                      <label key={edge}>
                        {t(`notifySettings.quiet.${edge}`)}{' '}
                        <input
                          type="time"
                          required
                          value={quiet[edge]}
                          onChange={(e) => setQuiet({ ...quiet, [edge]: e.target.value })}
                          aria-invalid={fieldError(`body.quietHours.${edge}`) ? true : undefined}
                          data-testid={`quiet-${edge}`}
                        />
                      </label>
                    ))
                  : null}
              </Space>
              {quiet ? (
                <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                  {t('notifySettings.quiet.timeZone', { zone: data.timeZone })}
                </Typography.Paragraph>
              ) : null}
            </Card>
            {save.error ? <Alert type="error" showIcon title={problemText(save.error, t)} /> : null}
            {saved ? <Alert type="success" showIcon title={t('notifySettings.saved')} /> : null}
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="notify-save">
              {t('common.save')}
            </Button>
          </Space>
        </form>
      ) : null}
    </>
  );
}
