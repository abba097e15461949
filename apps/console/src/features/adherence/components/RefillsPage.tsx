import { App, Button, Input, Select, Space, Table, Tag } from 'antd';
import type { RefillRequest } from '@careloop/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../../components/PageTitle';
import { refillsApi } from '../api/medication-api';

/** Refill requests for the doctor's long-term prescriptions: link the renewal written for it, or decline. */
export function RefillsPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const list = useQuery({ queryKey: ['refills'], queryFn: refillsApi.list });
  const done = {
    onSuccess: async () => {
      void message.success(t('medication.reactions.saved'));
      await client.invalidateQueries({ queryKey: ['refills'] });
    },
    onError: (error: Error) => void message.error(error.message),
  };
  const renew = useMutation({
    mutationFn: ({ r, rx }: { r: RefillRequest; rx: string }) => refillsApi.renew(r.id, r.version, rx),
    ...done,
  });
  const decline = useMutation({
    mutationFn: ({ r, reason }: { r: RefillRequest; reason: string }) =>
      refillsApi.decline(r.id, r.version, reason),
    ...done,
  });
  return (
    <div>
      <PageTitle>{t('medication.refills.title')}</PageTitle>
      <Table<RefillRequest>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('medication.refills.empty') }}
        columns={[
          {
            title: t('medication.reactions.patient'),
            render: (_, r) => <Link to={`/patients/${r.patientId}?tab=medication`}>{r.patientName}</Link>,
          },
          { title: t('medication.reactions.drug'), render: (_, r) => r.drugNames.join(', ') },
          { title: t('medication.refills.note'), render: (_, r) => r.note ?? '—' },
          {
            title: t('medication.refills.asked'),
            render: (_, r) => new Date(r.createdAt).toLocaleString(i18n.language),
          },
          {
            title: t('medication.reactions.decision'),
            render: (_, r) =>
              r.status === 'requested' ? (
                <Decide
                  r={r}
                  onRenew={(rx) => renew.mutate({ r, rx })}
                  onDecline={(reason) => decline.mutate({ r, reason })}
                />
              ) : (
                <Tag color={r.status === 'renewed' ? 'green' : 'default'}>
                  {t(`medication.refills.status.${r.status}`)}
                </Tag>
              ),
          },
        ]}
      />
    </div>
  );
}

function Decide({
  r,
  onRenew,
  onDecline,
}: {
  r: RefillRequest;
  onRenew: (prescriptionId: string) => void;
  onDecline: (reason: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const [rx, setRx] = useState<string>();
  const [reason, setReason] = useState('');
  const candidates = useQuery({
    queryKey: ['refills', 'prescriptions', r.patientId],
    queryFn: () => refillsApi.prescriptions(r.patientId),
  });
  const options = (candidates.data?.items ?? [])
    .filter((p) => p.id !== r.prescriptionId && p.signedAt >= r.createdAt)
    .map((p) => ({
      value: p.id,
      label: `${new Date(p.signedAt).toLocaleDateString(i18n.language)} · ${p.items.map((i) => i.drugName).join(', ')}`,
    }));
  return (
    <Space direction="vertical">
      <Space wrap>
        <Select
          aria-label={t('medication.refills.renewal')}
          placeholder={t('medication.refills.renewal')}
          style={{ minWidth: 240 }}
          options={options}
          value={rx}
          onChange={setRx}
          notFoundContent={t('medication.refills.writeFirst')}
        />
        <Button type="primary" disabled={!rx} onClick={() => rx && onRenew(rx)}>
          {t('medication.refills.link')}
        </Button>
      </Space>
      <Space wrap>
        <Input
          aria-label={t('medication.refills.reason')}
          placeholder={t('medication.refills.reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <Button disabled={reason.trim() === ''} onClick={() => onDecline(reason)}>
          {t('medication.refills.decline')}
        </Button>
      </Space>
    </Space>
  );
}
