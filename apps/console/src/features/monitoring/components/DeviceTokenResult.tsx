import type { DeviceWithToken } from '@careloop/contracts';
import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** A device's new token, shown this once, and the MQTT topic it publishes to; both copyable. */
export function DeviceTokenResult({ device }: { device: DeviceWithToken }) {
  const { t } = useTranslation();
  return (
    <div className="device-token" data-testid="device-token-result">
      <Alert type="warning" showIcon title={t('monitoringDevices.tokenOnce')} className="form-alert" />
      <Typography.Paragraph strong className="device-token__label">
        {t('monitoringDevices.token')}
      </Typography.Paragraph>
      <Typography.Paragraph copyable className="token-secret" data-testid="device-token">
        {device.token}
      </Typography.Paragraph>
      <Typography.Paragraph strong className="device-token__label">
        {t('monitoringDevices.mqttTopic')}
      </Typography.Paragraph>
      <Typography.Paragraph copyable className="token-secret" data-testid="device-mqtt-topic">
        {device.mqttTopic}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('monitoringDevices.tokenHelp')}</Typography.Paragraph>
    </div>
  );
}
