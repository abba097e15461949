import type { DeliveryChannel, NotificationCategory, QuietHours } from '@careloop/contracts';
import { Button } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/api-error.ts';
import { Loading } from '../../../ui/Loading.tsx';
import { ErrorNotice, Notice } from '../../../ui/Notice.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { usePreferences, useSavePreferences } from '../hooks/useNotificationSettings.ts';
import { ChannelChoices } from './ChannelChoices.tsx';
import { PushDeviceCard } from './PushDeviceCard.tsx';
import { QuietHoursCard } from './QuietHoursCard.tsx';

type Channels = Record<NotificationCategory, DeliveryChannel[]>;

/** 通知设置 (Me → Notification settings): push on this device, channels per category, quiet hours. */
export function NotificationSettingsPage() {
  const { t } = useTranslation();
  const prefs = usePreferences();
  const save = useSavePreferences();
  const [channels, setChannels] = useState<Channels | null>(null);
  const [quiet, setQuiet] = useState<QuietHours | null>(null);
  const [saved, setSaved] = useState(false);

  // The form starts from (and after a save, or a stale-version reload, returns to) what the server holds.
  useEffect(() => {
    if (!prefs.data) return;
    setChannels(prefs.data.channels);
    setQuiet(prefs.data.quietHours);
  }, [prefs.data]);

  const errors: Record<string, string> = {};
  if (save.error instanceof ApiError) for (const e of save.error.errors) errors[e.path] = e.message;

  function submit() {
    if (!prefs.data || !channels) return;
    setSaved(false);
    save.mutate(
      { channels, quietHours: quiet, version: prefs.data.version },
      { onSuccess: () => setSaved(true) },
    );
  }

  return (
    <div className="page stack">
      <PageHeader title={t('notifySettings.title')} backTo="/me" />
      {prefs.isPending && <Loading />}
      <ErrorNotice error={prefs.error} />
      <PushDeviceCard />
      {prefs.data && channels && (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <ChannelChoices
            channels={channels}
            reachable={prefs.data.reachable}
            onChange={(category, list) => {
              setSaved(false);
              setChannels({ ...channels, [category]: list });
            }}
          />
          <QuietHoursCard
            value={quiet}
            timeZone={prefs.data.timeZone}
            errors={errors}
            onChange={(next) => {
              setSaved(false);
              setQuiet(next);
            }}
          />
          <ErrorNotice error={save.error} />
          {saved && <Notice tone="success">{t('notifySettings.saved')}</Notice>}
          <Button block color="primary" type="submit" loading={save.isPending} data-testid="notify-save">
            {t('common.save')}
          </Button>
        </form>
      )}
    </div>
  );
}
