import type { Device } from '@careloop/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { InlineConfirm } from '../../../ui/InlineConfirm.tsx';
import { ErrorNotice } from '../../../ui/Notice.tsx';
import { formatDateTime } from '../../records/components/format.ts';
import { removeDevice } from '../api/monitoring.api.ts';
import { monitoringKeys } from '../hooks/monitoring-keys.ts';

/** One device: what it is, when it last sent something, and (while active) a way to remove it. */
export function DeviceItem({ patientId, device }: { patientId: string; device: Device }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => removeDevice(patientId, device.id),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: monitoringKeys.devices(patientId) }),
  });
  const active = device.status === 'active';
  return (
    <li className="item" data-testid="device-item" data-status={device.status}>
      <span className="item-title">
        {device.label || device.model}
        <Tag color={active ? 'success' : 'default'} fill="outline">
          {t(`monitoring.devices.status.${device.status}`)}
        </Tag>
      </span>
      <span>
        {t(`monitoring.devices.kinds.${device.kind}`)}
        {device.label ? ` · ${device.model}` : ''}
      </span>
      <span className="muted">
        {t('monitoring.devices.serialValue', { serial: device.serial })} ·{' '}
        {t('monitoring.devices.tokenHint', { hint: device.tokenHint })}
      </span>
      <span className="muted">
        {device.lastSeenAt
          ? t('monitoring.devices.lastSeen', { time: formatDateTime(device.lastSeenAt, i18n.language) })
          : t('monitoring.devices.neverSeen')}
      </span>
      <ErrorNotice error={remove.error} />
      {active && (
        <div className="entry-actions">
          <InlineConfirm
            label={t('monitoring.devices.remove')}
            question={t('monitoring.devices.removeConfirm', { name: device.label || device.model })}
            busy={remove.isPending}
            onConfirm={() => remove.mutate()}
            testId="device-remove"
          />
        </div>
      )}
    </li>
  );
}
