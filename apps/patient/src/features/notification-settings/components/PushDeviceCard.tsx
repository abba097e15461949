import { Button } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { ErrorNotice, Notice } from '../../../ui/Notice.tsx';
import { usePushDevice } from '../hooks/useNotificationSettings.ts';

/** 本机推送: switches web push on this phone or computer on and off. */
export function PushDeviceCard() {
  const { t } = useTranslation();
  const device = usePushDevice();
  const { state } = device;
  return (
    <section className="card stack" aria-labelledby="push-device-title">
      <h2 id="push-device-title">{t('notifySettings.device.title')}</h2>
      <p className="muted" data-testid="push-state">
        {t(`notifySettings.device.state.${state}`)}
      </p>
      {state === 'denied' && <Notice tone="info">{t('notifySettings.device.deniedHelp')}</Notice>}
      {(state === 'off' || state === 'declined' || state === 'supported') && (
        <Button
          block
          color="primary"
          loading={device.busy}
          onClick={() => void device.enable()}
          data-testid="push-enable"
        >
          {t('notifySettings.device.enable')}
        </Button>
      )}
      {state === 'on' && (
        <Button
          block
          fill="outline"
          loading={device.busy}
          onClick={() => void device.disable()}
          data-testid="push-disable"
        >
          {t('notifySettings.device.disable')}
        </Button>
      )}
      <ErrorNotice error={device.error} />
    </section>
  );
}
