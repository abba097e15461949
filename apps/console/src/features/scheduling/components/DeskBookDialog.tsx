import type { Slot } from '@careloop/contracts';
import { Alert, App, Checkbox, Form, Modal, Select } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../../lib/problems';
import { useDeskBook, usePatientLookup } from '../hooks/use-scheduling';
import { useOrgTimeZone } from '../hooks/use-org-today';
import { timeOf } from '../lib/schedule';
import { SlotPicker } from './SlotPicker';

/**
 * The desk books for a patient of the org: found by name, the last 4 digits of the phone, MRN or ID number, then a
 * doctor's free slot; a walk-in is checked in at once, in the same step.
 */
export function DeskBookDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const timeZone = useOrgTimeZone();
  const [search, setSearch] = useState('');
  const q = useDeferredValue(search.trim());
  const lookup = usePatientLookup(q);
  const [patientId, setPatientId] = useState<string>();
  const [slot, setSlot] = useState<Slot>();
  const [walkIn, setWalkIn] = useState(false);
  const [missing, setMissing] = useState(false);
  const book = useDeskBook();

  function reset() {
    setSearch('');
    setPatientId(undefined);
    setSlot(undefined);
    setWalkIn(false);
    setMissing(false);
  }

  async function submit() {
    if (!patientId || !slot) {
      setMissing(true);
      return;
    }
    try {
      const done = await book.mutateAsync({ patientId, slotId: slot.id, checkIn: walkIn });
      void message.success(
        done.queueNumber != null
          ? t('scheduling.deskBook.bookedAndIn', { name: done.patient.name, number: done.queueNumber })
          : t('scheduling.deskBook.booked', {
              name: done.patient.name,
              time: `${new Intl.DateTimeFormat(i18n.language, { month: 'numeric', day: 'numeric', ...(timeZone ? { timeZone } : {}) }).format(new Date(done.startsAt))} ${timeOf(done.startsAt, i18n.language, timeZone)}`,
            }),
      );
      reset();
      onClose();
    } catch (error) {
      void message.error(problemText(error, t));
    }
  }

  return (
    <Modal
      open={open}
      title={t('scheduling.deskBook.title')}
      okText={t('scheduling.deskBook.submit')}
      confirmLoading={book.isPending}
      onOk={() => void submit()}
      onCancel={() => {
        reset();
        onClose();
      }}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'desk-book-submit' } as Record<`data-${string}`, string>}
    >
      <Form layout="vertical" component="div">
        <Form.Item label={t('scheduling.deskBook.patient')} htmlFor="desk-book-patient">
          <Select
            id="desk-book-patient"
            showSearch
            filterOption={false}
            value={patientId}
            onSearch={setSearch}
            onChange={(next: string) => setPatientId(next)}
            placeholder={t('scheduling.deskBook.patientPlaceholder')}
            loading={lookup.isFetching}
            notFoundContent={null}
            options={lookup.patients.map((p) => ({
              value: p.id,
              label: `${p.name} · ${p.mrn}${p.phoneMasked ? ` · ${p.phoneMasked}` : ''}`,
            }))}
            data-testid="desk-book-patient"
          />
        </Form.Item>
        <SlotPicker idPrefix="desk-book" value={slot?.id} onChange={setSlot} />
        <Form.Item style={{ marginTop: 16 }}>
          <Checkbox
            checked={walkIn}
            onChange={(e) => setWalkIn(e.target.checked)}
            data-testid="desk-book-walk-in"
          >
            {t('scheduling.deskBook.walkIn')}
          </Checkbox>
        </Form.Item>
        {missing && (!patientId || !slot) ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={t('scheduling.deskBook.required')}
            className="form-alert"
          />
        ) : null}
      </Form>
    </Modal>
  );
}
