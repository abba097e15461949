import type { DeviceWithToken } from '@careloop/contracts';
import { Button } from 'antd-mobile';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { API_BASE } from '../../../api/client.ts';
import { Notice } from '../../../ui/Notice.tsx';

type CopyState = 'idle' | 'copied' | 'failed';

/** The new device's key, shown this once with a copy button, and how the device sends readings with it. */
export function DeviceTokenCard({ device, onDone }: { device: DeviceWithToken; onDone: () => void }) {
  const { t } = useTranslation();
  const tokenId = useId();
  const input = useRef<HTMLTextAreaElement>(null);
  const [copy, setCopy] = useState<CopyState>('idle');
  const restUrl = `${window.location.origin}${API_BASE}/readings`;

  async function copyToken() {
    try {
      await navigator.clipboard.writeText(device.token);
      setCopy('copied');
    } catch {
      input.current?.select();
      setCopy('failed');
    }
  }

  return (
    <section className="card stack" aria-labelledby="token-title" data-testid="device-token-card">
      <Notice tone="success">
        <h2 id="token-title">{t('monitoring.devices.registered', { name: device.label || device.model })}</h2>
      </Notice>
      <div className="field">
        <label className="field-label" htmlFor={tokenId}>
          {t('monitoring.devices.tokenLabel')}
        </label>
        <textarea
          ref={input}
          id={tokenId}
          className="field-input token-input"
          value={device.token}
          rows={2}
          readOnly
          onFocus={(e) => e.target.select()}
          aria-describedby={`${tokenId}-warning`}
          data-testid="device-token"
        />
        <span className="field-hint token-warning" id={`${tokenId}-warning`}>
          {t('monitoring.devices.tokenWarning')}
        </span>
      </div>
      <Button color="primary" onClick={() => void copyToken()} data-testid="device-token-copy">
        {t('monitoring.devices.copy')}
      </Button>
      <p role="status" className={copy === 'failed' ? 'field-error' : 'muted'}>
        {copy === 'copied'
          ? t('monitoring.devices.copied')
          : copy === 'failed'
            ? t('monitoring.devices.copyFailed')
            : ''}
      </p>
      <h3>{t('monitoring.devices.setupTitle')}</h3>
      <dl className="facts setup-facts">
        <div>
          <dt>{t('monitoring.devices.deviceId')}</dt>
          <dd>
            <code data-testid="device-id">{device.id}</code>
          </dd>
        </div>
        <div>
          <dt>{t('monitoring.devices.mqttTopic')}</dt>
          <dd>
            <code data-testid="device-topic">{device.mqttTopic}</code>
          </dd>
        </div>
      </dl>
      <p>{t('monitoring.devices.mqttHow')}</p>
      <p>{t('monitoring.devices.restHow')}</p>
      <pre className="setup-code">
        {`POST ${restUrl}
Authorization: Bearer <token>
Content-Type: application/json

{"readings":[{"id":"rec-1","type":"blood-pressure",
 "takenAt":"2025-03-01T07:42:00+08:00",
 "systolic":128,"diastolic":82,"pulse":70}]}`}
      </pre>
      <Button block fill="outline" color="primary" onClick={onDone} data-testid="device-token-done">
        {t('monitoring.devices.tokenDone')}
      </Button>
    </section>
  );
}
