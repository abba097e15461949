import { PlusOutlined } from '@ant-design/icons';
import type { Device, DeviceWithToken } from '@careloop/contracts';
import {
  App,
  Button,
  Modal,
  Popconfirm,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/QueryError';
import { problemText } from '../../../lib/problems';
import { useDevices, useRevokeDevice, useRotateDeviceToken } from '../hooks/use-patient-monitoring';
import { TimeSince } from './AlertBits';
import { DeviceTokenResult } from './DeviceTokenResult';
import { MonitoringCard, MonitoringEmpty } from './MonitoringCard';
import { RegisterDeviceModal } from './RegisterDeviceModal';

const rowProps = (device: Device) =>
  ({ 'data-testid': 'device-row', 'data-status': device.status }) as HTMLAttributes<HTMLElement>;

/** The patient's home devices: what each is, when it last sent readings, and its token (rotate or revoke). */
export function DevicesCard({ patientId, canEdit }: { patientId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const devices = useDevices(patientId);
  const rotate = useRotateDeviceToken(patientId);
  const revoke = useRevokeDevice(patientId);
  const [registering, setRegistering] = useState(false);
  const [issued, setIssued] = useState<DeviceWithToken | null>(null);

  async function rotateToken(device: Device) {
    try {
      setIssued(await rotate.mutateAsync(device.id));
    } catch (error) {
      void message.error(problemText(error, t));
    }
  }

  async function revokeDevice(device: Device) {
    try {
      await revoke.mutateAsync(device.id);
      void message.success(t('monitoringDevices.revoked'));
    } catch (error) {
      void message.error(problemText(error, t));
    }
  }

  const name = (d: Device) => d.label ?? `${t(`monitoring.deviceKinds.${d.kind}`)} ${d.model}`;
  const columns: TableColumnsType<Device> = [
    {
      title: t('monitoringDevices.device'),
      key: 'device',
      render: (_, d) => (
        <span className="device-name">
          <Typography.Text strong>{name(d)}</Typography.Text>
          <Typography.Text type="secondary">
            {t(`monitoring.deviceKinds.${d.kind}`)} · {d.model} · <span className="mono">{d.serial}</span>
          </Typography.Text>
        </span>
      ),
    },
    {
      title: t('monitoringDevices.status'),
      key: 'status',
      width: 100,
      render: (_, d) => (
        <Tag color={d.status === 'active' ? 'success' : 'default'}>
          {t(`monitoringDevices.statuses.${d.status}`)}
        </Tag>
      ),
    },
    {
      title: t('monitoringDevices.lastSeen'),
      key: 'lastSeen',
      width: 120,
      render: (_, d) => <TimeSince at={d.lastSeenAt} />,
    },
    {
      title: t('monitoringDevices.tokenHint'),
      key: 'token',
      width: 110,
      render: (_, d) => <span className="mono">…{d.tokenHint}</span>,
    },
    {
      title: t('monitoringDevices.mqttTopic'),
      key: 'topic',
      render: (_, d) => (
        <Typography.Text copyable className="mono device-topic">
          {d.mqttTopic}
        </Typography.Text>
      ),
    },
    ...(canEdit
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 190,
            render: (_: unknown, d: Device) =>
              d.status !== 'active' ? null : (
                <Space size={4} wrap>
                  <Popconfirm
                    title={t('monitoringDevices.rotateConfirm')}
                    description={t('monitoringDevices.rotateConfirmDetail')}
                    okText={t('monitoringDevices.rotate')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => rotateToken(d)}
                  >
                    <Button size="small" aria-label={t('monitoringDevices.rotateFor', { name: name(d) })}>
                      {t('monitoringDevices.rotate')}
                    </Button>
                  </Popconfirm>
                  <Popconfirm
                    title={t('monitoringDevices.revokeConfirm')}
                    description={t('monitoringDevices.revokeConfirmDetail')}
                    okText={t('common.revoke')}
                    cancelText={t('common.cancel')}
                    okButtonProps={{ danger: true }}
                    onConfirm={() => revokeDevice(d)}
                  >
                    <Button
                      size="small"
                      danger
                      aria-label={t('monitoringDevices.revokeFor', { name: name(d) })}
                    >
                      {t('common.revoke')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]
      : []),
  ];

  let body;
  if (devices.isPending) body = <Skeleton active paragraph={{ rows: 2 }} />;
  else if (devices.isError)
    body = <QueryError error={devices.error} onRetry={() => void devices.refetch()} />;
  else if (devices.data.length === 0) body = <MonitoringEmpty text={t('monitoringDevices.none')} />;
  else
    body = (
      <Table<Device>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={devices.data}
        pagination={false}
        onRow={rowProps}
        scroll={{ x: 900 }}
      />
    );

  return (
    <MonitoringCard
      title={t('monitoringDevices.title')}
      testId="monitoring-devices"
      extra={
        canEdit ? (
          <Button
            size="small"
            icon={<PlusOutlined aria-hidden />}
            onClick={() => setRegistering(true)}
            data-testid="device-register"
          >
            {t('monitoringDevices.register')}
          </Button>
        ) : null
      }
    >
      {body}
      {registering ? (
        <RegisterDeviceModal patientId={patientId} onClose={() => setRegistering(false)} />
      ) : null}
      {issued ? (
        <Modal
          open
          title={t('monitoringDevices.rotatedTitle', { name: name(issued) })}
          onCancel={() => setIssued(null)}
          mask={{ closable: false }}
          footer={
            <Button type="primary" onClick={() => setIssued(null)}>
              {t('common.close')}
            </Button>
          }
        >
          <DeviceTokenResult device={issued} />
        </Modal>
      ) : null}
    </MonitoringCard>
  );
}
