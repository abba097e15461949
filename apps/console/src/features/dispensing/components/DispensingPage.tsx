import { App, Button, Input, Modal, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { MedicationOrder } from '@careloop/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../../components/PageTitle';
import { problemText } from '../../../lib/problems';
import { dispensingApi, type QueueStatus } from '../api/dispensing-api';

const TABS: QueueStatus[] = ['paid', 'dispensed', 'shipped', 'done'];

/** The pharmacy's work: paid orders to dispense (with stock on hand), then ship with the courier or hand over. */
export function DispensingPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [status, setStatus] = useState<QueueStatus>('paid');
  const queue = useQuery({ queryKey: ['dispensing', status], queryFn: () => dispensingApi.queue(status) });
  const act = useMutation({
    mutationFn: async ({
      order,
      action,
    }: {
      order: MedicationOrder;
      action: 'dispense' | 'ship' | 'handOver' | 'deliver';
    }) => {
      if (action === 'deliver') return dispensingApi.devScan(order.shipment!.trackingNo, 'delivered');
      return dispensingApi[action](order.id, order.version);
    },
    onSuccess: async () => {
      void message.success(t('medication.dispensing.done'));
      await client.invalidateQueries({ queryKey: ['dispensing'] });
    },
    onError: (error: Error) => void message.error(problemText(error, t)),
  });
  const [cancelling, setCancelling] = useState<MedicationOrder | null>(null);
  const [reason, setReason] = useState('');
  const cancel = useMutation({
    mutationFn: ({ order, why }: { order: MedicationOrder; why: string }) =>
      dispensingApi.cancel(order.id, order.version, why),
    onSuccess: async () => {
      setCancelling(null);
      setReason('');
      void message.success(t('medication.dispensing.cancelled'));
      await client.invalidateQueries({ queryKey: ['dispensing'] });
    },
    onError: (error: Error) => void message.error(problemText(error, t)),
  });
  return (
    <div>
      <PageTitle>{t('medication.dispensing.title')}</PageTitle>
      <Tabs
        activeKey={status}
        onChange={(k) => setStatus(k as QueueStatus)}
        items={TABS.map((k) => ({ key: k, label: t(`medication.dispensing.tabs.${k}`) }))}
      />
      <Table<MedicationOrder>
        rowKey="id"
        loading={queue.isLoading}
        dataSource={queue.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('medication.dispensing.empty') }}
        columns={[
          { title: t('medication.dispensing.patient'), dataIndex: 'patientName' },
          {
            title: t('medication.dispensing.items'),
            render: (_, o) => (
              <ul style={{ margin: 0, paddingLeft: 16 }}>
                {o.items.map((i) => (
                  <li key={i.id}>
                    {i.drugName} ×{i.quantity}
                    {i.stock && (
                      <Typography.Text type={i.stock.onHand - i.stock.reserved < 5 ? 'danger' : 'secondary'}>
                        {' '}
                        {t('medication.dispensing.stock', {
                          onHand: i.stock.onHand,
                          reserved: i.stock.reserved,
                        })}
                      </Typography.Text>
                    )}
                  </li>
                ))}
              </ul>
            ),
          },
          {
            title: t('medication.dispensing.fulfilment'),
            render: (_, o) => (
              <>
                <Tag>{t(`medication.fulfilment.${o.fulfilment}`)}</Tag>
                {o.address && <div>{`${o.address.recipient} ${o.address.phone} ${o.address.address}`}</div>}
              </>
            ),
          },
          {
            title: t('medication.dispensing.paidAt'),
            render: (_, o) => (o.steps.paid ? new Date(o.steps.paid).toLocaleString(i18n.language) : '—'),
          },
          {
            title: t('medication.dispensing.tracking'),
            render: (_, o) =>
              o.shipment
                ? `${o.shipment.trackingNo} · ${t(`medication.shipment.${o.shipment.status}`)}`
                : '—',
          },
          {
            title: t('medication.dispensing.actions'),
            render: (_, o) => (
              <Space wrap>
                {o.status === 'paid' && (
                  <Button
                    type="primary"
                    onClick={() => act.mutate({ order: o, action: 'dispense' })}
                    data-testid={`dispense-${o.id}`}
                  >
                    {t('medication.dispensing.dispense')}
                  </Button>
                )}
                {o.status === 'paid' && (
                  <Button danger onClick={() => setCancelling(o)} data-testid={`cancel-${o.id}`}>
                    {t('medication.dispensing.cancel')}
                  </Button>
                )}
                {o.status === 'dispensed' && o.fulfilment === 'delivery' && (
                  <Button
                    type="primary"
                    onClick={() => act.mutate({ order: o, action: 'ship' })}
                    data-testid={`ship-${o.id}`}
                  >
                    {t('medication.dispensing.ship')}
                  </Button>
                )}
                {o.status === 'dispensed' && o.fulfilment === 'pickup' && (
                  <Button type="primary" onClick={() => act.mutate({ order: o, action: 'handOver' })}>
                    {t('medication.dispensing.handOver')}
                  </Button>
                )}
                {o.status === 'shipped' && o.shipment?.courier === 'dev' && (
                  <Button
                    onClick={() => act.mutate({ order: o, action: 'deliver' })}
                    data-testid={`deliver-${o.id}`}
                  >
                    {t('medication.dispensing.devDeliver')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={cancelling !== null}
        title={t('medication.dispensing.cancelTitle', { name: cancelling?.patientName ?? '' })}
        okText={t('medication.dispensing.cancelConfirm')}
        okButtonProps={{ danger: true, disabled: reason.trim().length === 0 }}
        confirmLoading={cancel.isPending}
        onOk={() => cancelling && cancel.mutate({ order: cancelling, why: reason.trim() })}
        onCancel={() => setCancelling(null)}
        destroyOnHidden
      >
        <p>{t('medication.dispensing.cancelHint')}</p>
        <label htmlFor="dispensing-cancel-reason">{t('medication.dispensing.cancelReason')}</label>
        <Input.TextArea
          id="dispensing-cancel-reason"
          rows={3}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          data-testid="dispensing-cancel-reason"
        />
      </Modal>
    </div>
  );
}
