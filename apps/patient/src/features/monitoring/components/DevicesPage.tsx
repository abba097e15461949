import type { DeviceWithToken } from '@careloop/contracts';
import { Button } from 'antd-mobile';
import { AddOutline } from 'antd-mobile-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { Loading } from '../../../ui/Loading.tsx';
import { ErrorNotice, Notice } from '../../../ui/Notice.tsx';
import { ActingFor, RecordFrame, type RecordContext } from '../../records/components/RecordFrame.tsx';
import { useDevices } from '../hooks/useMonitoringQueries.ts';
import { DeviceForm } from './DeviceForm.tsx';
import { DeviceItem } from './DeviceItem.tsx';
import { DeviceTokenCard } from './DeviceTokenCard.tsx';
import '../monitoring.css';

function DevicesBody({ patientId, acting, canEdit }: RecordContext) {
  const { t } = useTranslation();
  const devices = useDevices(patientId);
  const [adding, setAdding] = useState(false);
  const [registered, setRegistered] = useState<DeviceWithToken | null>(null);
  if (!canEdit) return <Notice tone="info">{t('health.readOnly')}</Notice>;
  if (registered) return <DeviceTokenCard device={registered} onDone={() => setRegistered(null)} />;
  const list = devices.data ?? [];
  const active = list.filter((d) => d.status === 'active');
  const revoked = list.filter((d) => d.status === 'revoked');
  return (
    <>
      <ActingFor acting={acting} />
      {adding ? (
        <DeviceForm
          patientId={patientId}
          onCancel={() => setAdding(false)}
          onRegistered={(device) => {
            setAdding(false);
            setRegistered(device);
          }}
        />
      ) : (
        <Button
          block
          color="primary"
          className="record-primary-action"
          onClick={() => setAdding(true)}
          data-testid="device-add"
        >
          <AddOutline aria-hidden="true" /> {t('monitoring.devices.add')}
        </Button>
      )}
      {devices.isPending && <Loading />}
      <ErrorNotice error={devices.error} />
      {devices.data && active.length === 0 && !adding && (
        <EmptyState title={t('monitoring.devices.emptyTitle')} body={t('monitoring.devices.emptyBody')} />
      )}
      {active.length > 0 && (
        <ul
          className="items device-list"
          aria-label={t('monitoring.devices.listLabel')}
          data-testid="device-list"
        >
          {active.map((d) => (
            <DeviceItem key={d.id} patientId={patientId} device={d} />
          ))}
        </ul>
      )}
      {revoked.length > 0 && (
        <details className="card">
          <summary className="details-summary">
            {t('monitoring.devices.revokedTitle', { count: revoked.length })}
          </summary>
          <ul className="items device-list">
            {revoked.map((d) => (
              <DeviceItem key={d.id} patientId={patientId} device={d} />
            ))}
          </ul>
        </details>
      )}
      <section className="card" aria-labelledby="import-entry-title">
        <h2 id="import-entry-title">{t('monitoring.import.title')}</h2>
        <p className="muted">{t('monitoring.import.entryHint')}</p>
        <Link to="/monitoring/import" className="text-link" data-testid="device-import-link">
          {t('monitoring.links.import')}
        </Link>
      </section>
    </>
  );
}

/** 我的设备: home devices that send readings by themselves; add one (its key is shown once), or remove it. */
export function DevicesPage() {
  const { t } = useTranslation();
  return (
    <RecordFrame title={t('monitoring.devices.title')} backTo="/monitoring">
      {(record) => <DevicesBody key={record.patientId} {...record} />}
    </RecordFrame>
  );
}
