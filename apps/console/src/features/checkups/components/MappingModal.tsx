import type { CheckupItemMapping, SavedCheckupItemMapping } from '@careloop/contracts';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { applyFieldErrors, problemText } from '../../../lib/problems';
import { useAnalytes, useSaveMapping } from '../hooks/use-mappings';
import { AnalytePicker } from './AnalytePicker';

interface Values {
  localName: string;
  loinc: string;
  unit?: string;
}

/** What the dialog edits: an existing mapping, or a new one (from an unmapped name, or typed in). */
export type MappingTarget =
  | { kind: 'edit'; mapping: CheckupItemMapping }
  | { kind: 'new'; localName: string; suggestedLoinc: string | null; unit: string | null };

/** Maps a local item name to a LOINC analyte; the answer says how many stored items it re-coded. */
export function MappingModal({
  target,
  onClose,
  onSaved,
}: {
  target: MappingTarget;
  onClose: () => void;
  onSaved: (saved: SavedCheckupItemMapping) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveMapping();
  const analytes = useAnalytes();
  const [problem, setProblem] = useState<string | null>(null);
  const editing = target.kind === 'edit' ? target.mapping : null;
  const initial: Partial<Values> = editing
    ? { localName: editing.localName, loinc: editing.loinc, unit: editing.unit ?? undefined }
    : target.kind === 'new'
      ? {
          localName: target.localName,
          loinc: target.suggestedLoinc ?? undefined,
          unit: target.unit ?? undefined,
        }
      : {};

  async function submit(values: Values) {
    setProblem(null);
    const unit = values.unit?.trim() ? values.unit.trim() : undefined;
    try {
      const saved = editing
        ? await save.mutateAsync({
            mappingId: editing.id,
            input: {
              localName: values.localName.trim(),
              loinc: values.loinc,
              unit: unit ?? null,
              version: editing.version,
            },
          })
        : await save.mutateAsync({
            mappingId: null,
            input: { localName: values.localName.trim(), loinc: values.loinc, unit },
          });
      onSaved(saved);
      onClose();
    } catch (error) {
      if (isApiError(error) && error.status === 409 && editing) {
        void message.warning(t('errors.versionConflict'));
        onClose();
        return;
      }
      if (!applyFieldErrors(form, error)) setProblem(problemText(error, t));
    }
  }

  function fillUnit(loinc: string) {
    // The analyte's usual unit is the likely one; the person can change it.
    const unit = analytes.data?.find((a) => a.loinc === loinc)?.unit;
    if (unit && !form.getFieldValue('unit')) form.setFieldValue('unit', unit);
  }

  return (
    <Modal
      open
      title={editing ? t('checkupMappings.editTitle') : t('checkupMappings.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'mapping-save' }}
    >
      {problem ? <Alert type="error" showIcon role="alert" title={problem} className="form-alert" /> : null}
      <Form<Values>
        form={form}
        name="checkup-mapping"
        layout="vertical"
        initialValues={initial}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item
          label={t('checkupMappings.localName')}
          name="localName"
          extra={t('checkupMappings.localNameHelp')}
          rules={[{ required: true, whitespace: true, message: t('checkupMappings.localNameRequired') }]}
        >
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item
          label={t('checkupMappings.analyte')}
          name="loinc"
          rules={[{ required: true, message: t('checkupMappings.analyteRequired') }]}
        >
          <AnalytePicker
            data-testid="mapping-analyte"
            // Form.Item sets the value first, then calls this.
            onChange={(value) => {
              if (typeof value === 'string') fillUnit(value);
            }}
          />
        </Form.Item>
        <Form.Item label={t('checkupMappings.unit')} name="unit" extra={t('checkupMappings.unitHelp')}>
          <Input maxLength={20} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
