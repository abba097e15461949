import { App, Button, Input, Segmented, Space, Table, Tag } from 'antd';
import type { AdverseReaction } from '@careloop/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../../components/PageTitle';
import { Link } from 'react-router';
import { medicationApi } from '../api/medication-api';

/** Reactions patients reported against the doctor's prescriptions: note, dismiss, or add to the allergies. */
export function ReactionsReviewPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [status, setStatus] = useState<'reported' | 'all'>('reported');
  const [notes, setNotes] = useState<Record<string, string>>({});
  const list = useQuery({ queryKey: ['reactions', status], queryFn: () => medicationApi.reactions(status) });
  const review = useMutation({
    mutationFn: ({
      r,
      decision,
    }: {
      r: AdverseReaction;
      decision: 'reviewed' | 'dismissed' | 'add_to_allergies';
    }) =>
      medicationApi.review(r.id, {
        version: r.version,
        decision,
        ...(notes[r.id] ? { note: notes[r.id] } : {}),
      }),
    onSuccess: async () => {
      void message.success(t('medication.reactions.saved'));
      await client.invalidateQueries({ queryKey: ['reactions'] });
    },
    onError: (error: Error) => void message.error(error.message),
  });
  return (
    <div>
      <PageTitle>{t('medication.reactions.title')}</PageTitle>
      <Segmented
        value={status}
        onChange={(v) => setStatus(v as 'reported' | 'all')}
        options={[
          { value: 'reported', label: t('medication.reactions.toReview') },
          { value: 'all', label: t('medication.reactions.all') },
        ]}
        style={{ marginBottom: 16 }}
      />
      <Table<AdverseReaction>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('medication.reactions.empty') }}
        columns={[
          {
            title: t('medication.reactions.patient'),
            render: (_, r) => <Link to={`/patients/${r.patientId}?tab=medication`}>{r.patientName}</Link>,
          },
          { title: t('medication.reactions.drug'), dataIndex: 'drugName' },
          { title: t('medication.reactions.symptoms'), dataIndex: 'symptoms' },
          {
            title: t('medication.reactions.severity'),
            render: (_, r) => (
              <Tag color={r.severity === 'severe' ? 'red' : r.severity === 'moderate' ? 'orange' : 'default'}>
                {t(`medication.severity.${r.severity}`)}
              </Tag>
            ),
          },
          {
            title: t('medication.reactions.started'),
            render: (_, r) => new Date(r.startedAt).toLocaleString(i18n.language),
          },
          {
            title: t('medication.reactions.decision'),
            render: (_, r) =>
              r.status !== 'reported' ? (
                <Tag>{t(`medication.reactionStatus.${r.status}`)}</Tag>
              ) : (
                <Space direction="vertical">
                  <Input
                    aria-label={t('medication.reactions.note')}
                    placeholder={t('medication.reactions.note')}
                    value={notes[r.id] ?? ''}
                    onChange={(e) => setNotes({ ...notes, [r.id]: e.target.value })}
                  />
                  <Space wrap>
                    <Button
                      type="primary"
                      danger
                      onClick={() => review.mutate({ r, decision: 'add_to_allergies' })}
                    >
                      {t('medication.reactions.addAllergy')}
                    </Button>
                    <Button onClick={() => review.mutate({ r, decision: 'reviewed' })}>
                      {t('medication.reactions.noted')}
                    </Button>
                    <Button onClick={() => review.mutate({ r, decision: 'dismissed' })}>
                      {t('medication.reactions.dismiss')}
                    </Button>
                  </Space>
                </Space>
              ),
          },
        ]}
      />
    </div>
  );
}
