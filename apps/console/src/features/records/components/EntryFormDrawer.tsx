import { Alert, App, Button, Drawer, Form, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, newIdempotencyKey } from '../../../api/client';
import { applyFieldErrors, problemText } from '../../../lib/problems';
import { useEntryWrites } from '../hooks/use-record-writes';
import {
  ENTRY_DEFAULTS,
  STATUS_FIELDS,
  fromEntry,
  isEmptyUpdate,
  toCreateBody,
  toUpdateBody,
  type EntryKindKey,
  type FormValues,
} from '../lib/entry-forms';
import { localizeFieldErrors } from '../lib/field-errors';
import type { AnyEntry } from './entry-columns';
import { EntryFormFields } from './EntryFormFields';

interface Props {
  patientId: string;
  kind: EntryKindKey;
  /** The entry to edit; absent for a new one. */
  entry?: AnyEntry;
  onClose: () => void;
}

/**
 * Add or edit one entry in a drawer. An edit sends only what changed, with the version it read; when someone else
 * changed the entry meanwhile (409), the person is told and the list reloads rather than overwriting their work.
 */
export function EntryFormDrawer({ patientId, kind, entry, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [problem, setProblem] = useState<string | null>(null);
  const [key] = useState(newIdempotencyKey);
  const { create, update, settle } = useEntryWrites(patientId, kind);
  const section = t(`record.sections.${kind}`);
  // A patient's own words stay theirs: on a self-reported entry only the status fields can change.
  const locked = entry?.source === 'self';
  const editable = (field: string) => !locked || STATUS_FIELDS[kind].includes(field);
  const saving = create.isPending || update.isPending;

  async function submit(values: FormValues) {
    setProblem(null);
    try {
      if (entry) {
        const body = toUpdateBody(
          kind,
          values,
          entry as unknown as Record<string, unknown> & { version: number },
        );
        if (isEmptyUpdate(body)) {
          void message.info(t('record.sections.nothingChanged'));
          onClose();
          return;
        }
        await update.mutateAsync({ entryId: entry.id, body });
        void message.success(t('record.sections.updated'));
      } else {
        await create.mutateAsync({ body: toCreateBody(kind, values), key });
        void message.success(t('record.sections.created'));
      }
      onClose();
    } catch (error) {
      if (isApiError(error, 'VERSION_CONFLICT') || (isApiError(error) && error.status === 409)) {
        void message.warning(t('errors.versionConflict'));
        await settle();
        onClose();
        return;
      }
      if (!applyFieldErrors(form, localizeFieldErrors(error, t))) setProblem(problemText(error, t));
    }
  }

  return (
    <Drawer
      open
      size={560}
      title={t(entry ? 'record.sections.editTitle' : 'record.sections.addTitle', { section })}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Space className="modal-actions">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="entry-save">
            {t('common.save')}
          </Button>
        </Space>
      }
      data-testid="entry-drawer"
    >
      {locked ? (
        <Alert type="info" showIcon title={t('record.sections.selfReportedNote')} className="form-alert" />
      ) : null}
      {problem ? <Alert type="error" showIcon role="alert" title={problem} className="form-alert" /> : null}
      <Form<FormValues>
        form={form}
        name={`entry-${kind}`}
        layout="vertical"
        initialValues={
          entry ? fromEntry(kind, entry as unknown as Record<string, unknown>) : ENTRY_DEFAULTS[kind]
        }
        onFinish={(values) => void submit(values)}
      >
        <EntryFormFields kind={kind} editable={editable} />
      </Form>
    </Drawer>
  );
}
