import type { ReviewItem } from '@careloop/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ButtonProps } from 'antd';
import {
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  List,
  Modal,
  Segmented,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ToneTag } from '../../records/components/ToneTag';
import '../../records/records.css';
import { useSearchParams } from 'react-router';
import { isApiError } from '../../../api/client';
import { useRealtimeEvent, useRealtimeStatus } from '../../../api/realtime';
import { PageTitle } from '../../../components/PageTitle';
import { QueryError } from '../../../components/QueryError';
import { formatDateTime } from '../../../lib/format';
import { problemText } from '../../../lib/problems';
import { pharmacyApi } from '../../prescribing/api/pharmacy-api';
import { FindingList } from '../../prescribing/components/FindingList';
import { LiveStatus } from '../../monitoring/components/LiveStatus';

type Box = 'pending' | 'approved' | 'rejected';
/** While live updates are not arriving, the queue is fetched this often instead. */
const POLL_MS = 15_000;

function waited(seconds: number, zh: boolean): string {
  const m = Math.floor(seconds / 60);
  if (m < 60) return zh ? `${m} 分钟` : `${m} min`;
  const h = Math.floor(m / 60);
  return zh ? `${h} 小时 ${m % 60} 分钟` : `${h} h ${m % 60} min`;
}

function Detail({ item, box, onDone }: { item: ReviewItem; box: Box; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [rejecting, setRejecting] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const rx = item.prescription;
  const p = item.patient;
  const decide = useMutation({
    mutationFn: (a: { kind: 'approve' } | { kind: 'reject'; reason: string }) =>
      a.kind === 'approve' ? pharmacyApi.approve(rx.id, null) : pharmacyApi.reject(rx.id, a.reason),
    onSuccess: (_r, a) => {
      void message.success(
        t(a.kind === 'approve' ? 'pharmacy.review.approvedDone' : 'pharmacy.review.rejectedDone'),
      );
      setRejecting(false);
      onDone();
    },
    onError: (error) => {
      if (isApiError(error, 'PRESCRIPTION_STATE')) {
        void message.warning(t('pharmacy.review.taken'));
        onDone();
      } else void message.error(problemText(error, t));
    },
  });
  const none = <Typography.Text type="secondary">{t('pharmacy.review.none')}</Typography.Text>;
  return (
    <Card
      data-testid="review-detail"
      title={
        <Space wrap>
          <span>{p.name}</span>
          <Typography.Text type="secondary">
            {t(`pharmacy.review.sex.${p.sex}`)} · {t('pharmacy.review.age', { age: p.ageYears })}
          </Typography.Text>
          <Tag>{t(`pharmacy.status.${rx.status}`)}</Tag>
        </Space>
      }
      extra={
        box === 'pending' ? (
          <Space>
            <Button danger onClick={() => setRejecting(true)} data-testid="review-reject">
              {t('pharmacy.review.reject')}
            </Button>
            <Button
              type="primary"
              loading={decide.isPending}
              onClick={() => decide.mutate({ kind: 'approve' })}
              data-testid="review-approve"
            >
              {t('pharmacy.review.approve')}
            </Button>
          </Space>
        ) : null
      }
    >
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('pharmacy.review.prescriber')}>
          {rx.prescriber.name} · {formatDateTime(rx.signedAt, i18n.language)}
        </Descriptions.Item>
        {rx.diagnosis ? (
          <Descriptions.Item label={t('pharmacy.review.diagnosis')}>{rx.diagnosis}</Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t('pharmacy.review.allergies')}>
          {p.allergies.length
            ? p.allergies.map((a) => (
                <ToneTag tone="red" key={a.substance}>
                  {a.substance}
                </ToneTag>
              ))
            : none}
        </Descriptions.Item>
        <Descriptions.Item label={t('pharmacy.review.conditions')}>
          {p.conditions.length
            ? p.conditions.map((c) => <Tag key={`${c.icd10}${c.display}`}>{c.display}</Tag>)
            : none}
        </Descriptions.Item>
        <Descriptions.Item label={t('pharmacy.review.currentMeds')}>
          {p.currentMedications.length
            ? p.currentMedications.map((m, i) => (
                <Tag key={i}>
                  {m.name}
                  {m.dose ? ` ${m.dose}` : ''}
                </Tag>
              ))
            : none}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={2} style={{ fontSize: 16, marginTop: 16 }}>
        {t('pharmacy.review.items')}
      </Typography.Title>
      <List
        dataSource={rx.items}
        renderItem={(i) => (
          <List.Item key={i.id} data-testid="review-item">
            <Space direction="vertical" style={{ width: '100%' }}>
              <span>
                <strong>{i.drugName}</strong> — {i.plainText} · ×{i.quantity}
                {i.instructions ? ` · ${i.instructions}` : ''}
              </span>
              <FindingList findings={i.findings} />
              {i.overrideReason ? (
                <Typography.Text data-testid="review-override">
                  {t('pharmacy.review.override')}: {i.overrideReason}
                </Typography.Text>
              ) : null}
            </Space>
          </List.Item>
        )}
      />
      {rx.reviewNote ? <Typography.Paragraph>{rx.reviewNote}</Typography.Paragraph> : null}
      <Modal
        open={rejecting}
        title={t('pharmacy.review.reject')}
        okText={t('pharmacy.review.reject')}
        okButtonProps={
          { danger: true, loading: decide.isPending, 'data-testid': 'review-reject-confirm' } as ButtonProps
        }
        onCancel={() => setRejecting(false)}
        onOk={() =>
          void form.validateFields().then((v) => decide.mutate({ kind: 'reject', reason: v.reason }))
        }
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="reason"
            label={t('pharmacy.review.rejectReason')}
            rules={[{ required: true, whitespace: true, message: t('pharmacy.review.rejectReasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={2000} data-testid="review-reject-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

/**
 * 处方审核: the organization's signed prescriptions, oldest first, refreshed the moment one is signed, revised or
 * reviewed anywhere in the organization (`pharmacy.prescription.changed`), and every 15 seconds while live updates
 * are not connected.
 */
export function ReviewQueuePage() {
  const { t, i18n } = useTranslation();
  const zh = i18n.language.startsWith('zh');
  const [box, setBox] = useState<Box>('pending');
  const [params, setParams] = useSearchParams();
  const client = useQueryClient();
  const live = useRealtimeStatus();
  useRealtimeEvent('pharmacy.prescription.changed', () => {
    void client.invalidateQueries({ queryKey: ['pharmacy', 'reviews'] });
  });
  const queue = useQuery({
    queryKey: ['pharmacy', 'reviews', box],
    queryFn: () => pharmacyApi.queue(box),
    refetchInterval: live === 'connected' ? false : POLL_MS,
  });
  const selectedId = params.get('prescription');
  const items = useMemo(() => queue.data?.items ?? [], [queue.data]);
  const selected = items.find((i) => i.prescription.id === selectedId) ?? items[0] ?? null;
  useEffect(() => {
    if (selectedId && queue.data && !items.some((i) => i.prescription.id === selectedId) && items[0])
      setParams({ prescription: items[0].prescription.id }, { replace: true });
  }, [selectedId, queue.data, items, setParams]);

  return (
    <div data-testid="review-page">
      <PageTitle
        extra={
          <Space wrap>
            <LiveStatus status={live} />
            <Segmented<Box>
              value={box}
              onChange={setBox}
              options={(['pending', 'approved', 'rejected'] as const).map((b) => ({
                value: b,
                label: t(`pharmacy.review.${b}`),
              }))}
            />
          </Space>
        }
      >
        {t('pharmacy.review.title')}
      </PageTitle>
      <Typography.Paragraph type="secondary">{t('pharmacy.review.refreshed')}</Typography.Paragraph>
      {queue.isError ? (
        <QueryError error={queue.error} onRetry={() => void queue.refetch()} />
      ) : (
        <div style={{ display: 'grid', gridTemplateColumns: 'minmax(240px, 1fr) 2fr', gap: 16 }}>
          <List
            loading={queue.isPending}
            bordered
            dataSource={items}
            locale={{ emptyText: <Empty description={t('pharmacy.review.empty')} /> }}
            renderItem={(item) => {
              const active = item.prescription.id === selected?.prescription.id;
              const critical = item.prescription.items.some((i) =>
                i.findings.some((f) => f.level === 'critical'),
              );
              return (
                <List.Item
                  key={item.prescription.id}
                  data-testid="review-row"
                  style={{
                    cursor: 'pointer',
                    borderLeft: active ? '4px solid #1677ff' : '4px solid transparent',
                  }}
                >
                  <Button
                    type="link"
                    onClick={() => setParams({ prescription: item.prescription.id })}
                    style={{ padding: 0, height: 'auto', textAlign: 'left', whiteSpace: 'normal' }}
                    aria-current={active ? 'true' : undefined}
                  >
                    <Space direction="vertical" size={0}>
                      <span>
                        {item.patient.name} · {item.prescription.items.map((i) => i.drugName).join('、')}
                      </span>
                      <Typography.Text type="secondary">
                        {t('pharmacy.review.waiting', { time: waited(item.waitingSeconds, zh) })}
                      </Typography.Text>
                      {critical ? <ToneTag tone="red">{t('pharmacy.finding.critical')}</ToneTag> : null}
                    </Space>
                  </Button>
                </List.Item>
              );
            }}
          />
          {selected ? (
            <Detail
              key={selected.prescription.id}
              item={selected}
              box={box}
              onDone={() => void client.invalidateQueries({ queryKey: ['pharmacy', 'reviews'] })}
            />
          ) : (
            <Empty description={t('pharmacy.review.select')} />
          )}
        </div>
      )}
    </div>
  );
}
