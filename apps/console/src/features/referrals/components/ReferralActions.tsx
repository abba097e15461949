import type { Referral, Slot } from '@careloop/contracts';
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Segmented, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../../lib/problems';
import { referralsApi } from '../api/referrals-api';
import { useReferralStep } from '../hooks/use-referrals';
import { SlotPicker } from '../../scheduling/components/SlotPicker';

type Dialog = 'decline' | 'book' | 'report' | null;

/** What the caller may do next: receivers accept or decline, book and report back; the referrer may cancel. */
export function ReferralActions({ referral: r }: { referral: Referral }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm();
  const [bookMode, setBookMode] = useState<'slot' | 'other'>('slot');
  const [slot, setSlot] = useState<Slot>();
  const [slotMissing, setSlotMissing] = useState(false);
  const done = {
    onSuccess: () => void message.success(t('referrals.actions.done')),
    onError: (e: Error) => void message.error(problemText(e, t)),
  };
  const accept = useReferralStep(r.id, () => referralsApi.accept(r.id, r.version));
  const cancel = useReferralStep(r.id, () => referralsApi.cancel(r.id));
  const step = useReferralStep(r.id, async (values: Record<string, string | undefined>) => {
    if (dialog === 'decline') return referralsApi.decline(r.id, values.reason ?? '');
    if (dialog === 'report') return referralsApi.report(r.id, values.outcome ?? '');
    const note = values.note?.trim() ? { note: values.note.trim() } : {};
    if (bookMode === 'slot') return referralsApi.book(r.id, { slotId: slot!.id, ...note });
    const planned = values.plannedAt ? new Date(values.plannedAt).toISOString() : undefined;
    return referralsApi.book(r.id, { ...(planned ? { plannedAt: planned } : {}), ...note });
  });
  const open = (next: Dialog) => {
    form.resetFields();
    setSlot(undefined);
    setSlotMissing(false);
    setBookMode('slot');
    setDialog(next);
  };
  const mineToRun = r.role === 'receiver' && r.acceptedBy !== null;
  const buttons = [];
  if (r.role === 'receiver' && r.status === 'consented')
    buttons.push(
      <Button
        key="accept"
        type="primary"
        loading={accept.isPending}
        onClick={() => accept.mutate(undefined, done)}
        data-testid="referral-accept"
      >
        {t('referrals.actions.accept')}
      </Button>,
    );
  if (r.role === 'receiver' && (r.status === 'consented' || r.status === 'accepted'))
    buttons.push(
      <Button key="decline" danger onClick={() => open('decline')} data-testid="referral-decline">
        {t('referrals.actions.decline')}
      </Button>,
    );
  if (mineToRun && (r.status === 'accepted' || r.status === 'booked'))
    buttons.push(
      <Button key="book" onClick={() => open('book')} data-testid="referral-book">
        {r.status === 'booked' ? t('referrals.actions.rebook') : t('referrals.actions.book')}
      </Button>,
      <Button key="report" type="primary" onClick={() => open('report')} data-testid="referral-report">
        {t('referrals.actions.report')}
      </Button>,
    );
  if (r.role === 'referrer' && ['awaiting_consent', 'consented', 'accepted', 'booked'].includes(r.status))
    buttons.push(
      <Popconfirm
        key="cancel"
        title={t('referrals.actions.cancelConfirm')}
        onConfirm={() => cancel.mutate(undefined, done)}
      >
        <Button danger loading={cancel.isPending} data-testid="referral-cancel">
          {t('referrals.actions.cancel')}
        </Button>
      </Popconfirm>,
    );
  if (buttons.length === 0) return null;
  const required = [{ required: true, whitespace: true, message: t('referrals.actions.required') }];
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        {buttons}
      </Space>
      <Modal
        open={dialog !== null}
        title={
          dialog === 'decline'
            ? t('referrals.actions.declineTitle')
            : dialog === 'book'
              ? t('referrals.actions.bookTitle')
              : t('referrals.actions.reportTitle')
        }
        okText={t('referrals.actions.submit')}
        confirmLoading={step.isPending}
        onOk={() => form.submit()}
        onCancel={() => setDialog(null)}
        destroyOnHidden
        okButtonProps={{ 'data-testid': 'referral-dialog-ok' } as Record<`data-${string}`, string>}
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(values: Record<string, string | undefined>) => {
            if (dialog === 'book' && bookMode === 'slot' && !slot) {
              setSlotMissing(true);
              return;
            }
            step.mutate(values, {
              ...done,
              onSuccess: () => {
                setDialog(null);
                done.onSuccess();
              },
            });
          }}
        >
          {dialog === 'decline' && (
            <Form.Item name="reason" label={t('referrals.actions.declineReason')} rules={required}>
              <Input.TextArea rows={3} maxLength={1000} data-testid="referral-decline-reason" />
            </Form.Item>
          )}
          {dialog === 'book' && (
            <>
              <Form.Item label={t('referrals.detail.bookMode')}>
                <Segmented
                  value={bookMode}
                  onChange={(next) => setBookMode(next as 'slot' | 'other')}
                  options={[
                    { value: 'slot', label: t('referrals.detail.bookSlot') },
                    { value: 'other', label: t('referrals.detail.bookOther') },
                  ]}
                  data-testid="referral-book-mode"
                />
              </Form.Item>
              {bookMode === 'slot' ? (
                <>
                  <p className="muted">{t('referrals.detail.appointmentNote')}</p>
                  <SlotPicker
                    idPrefix="referral-book"
                    value={slot?.id}
                    onChange={(next) => {
                      setSlot(next);
                      if (next) setSlotMissing(false);
                    }}
                  />
                  {slotMissing ? (
                    <Alert
                      type="error"
                      showIcon
                      role="alert"
                      title={t('referrals.detail.slotRequired')}
                      className="form-alert"
                    />
                  ) : null}
                </>
              ) : (
                <>
                  <p className="muted">{t('referrals.detail.otherNote')}</p>
                  <Form.Item name="plannedAt" label={t('referrals.detail.plannedAt')} rules={required}>
                    <Input type="datetime-local" data-testid="referral-planned-at" />
                  </Form.Item>
                </>
              )}
              <Form.Item name="note" label={t('referrals.detail.bookingNote')}>
                <Input.TextArea rows={2} maxLength={1000} data-testid="referral-booking-note" />
              </Form.Item>
            </>
          )}
          {dialog === 'report' && (
            <>
              <p className="muted">{t('referrals.actions.reportHint')}</p>
              <Form.Item name="outcome" label={t('referrals.actions.outcome')} rules={required}>
                <Input.TextArea rows={5} maxLength={4000} data-testid="referral-outcome" />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </>
  );
}
