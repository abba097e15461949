import type { AnalyteInfo } from '@careloop/contracts';
import { Alert, App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newIdempotencyKey } from '../../../api/client';
import { applyFieldErrors, problemText } from '../../../lib/problems';
import { useAnalytes } from '../hooks/use-record';
import { useAddObservation } from '../hooks/use-record-writes';
import { localizeFieldErrors } from '../lib/field-errors';
import { displayUnit, fromLocalInput, toLocalInput } from '../lib/format';

interface Values {
  code?: string;
  value?: number | null;
  unit?: string;
  effectiveAt?: string;
  note?: string;
}

function analyteName(a: AnalyteInfo, language: string): string {
  return language === 'en-US' ? a.en : a.zh;
}

/** A clinician's result: analyte from the LOINC table, value, one of the analyte's units, time, note. */
export function ObservationFormModal({
  patientId,
  initialCode,
  onClose,
}: {
  patientId: string;
  initialCode?: string;
  onClose: (savedCode?: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | null>(null);
  // One key per opened form: a double click or a retry after a timeout stores the result once.
  const [key] = useState(newIdempotencyKey);
  const analytes = useAnalytes();
  const add = useAddObservation(patientId);
  const code = Form.useWatch('code', form);
  const analyte = analytes.data?.find((a) => a.loinc === code);
  const initial = analytes.data?.find((a) => a.loinc === initialCode);

  async function submit(values: Values) {
    setProblem(null);
    if (!values.code || values.value === undefined || values.value === null) return;
    try {
      await add.mutateAsync({
        key,
        input: {
          code: values.code,
          codeSystem: 'loinc',
          value: values.value,
          unit: values.unit,
          effectiveAt: fromLocalInput(values.effectiveAt) ?? new Date().toISOString(),
          note: values.note?.trim() || undefined,
        },
      });
      void message.success(t('record.observation.saved'));
      onClose(values.code);
    } catch (error) {
      if (!applyFieldErrors(form, localizeFieldErrors(error, t))) setProblem(problemText(error, t));
    }
  }

  const groups = (['vital', 'lab'] as const).map((kind) => ({
    label: t(`record.observation.${kind}`),
    options: (analytes.data ?? [])
      .filter((a) => a.kind === kind)
      .map((a) => ({
        value: a.loinc,
        label: `${analyteName(a, i18n.language)} (${a.loinc})`,
        search: `${a.zh} ${a.en} ${a.loinc}`,
      })),
  }));

  return (
    <Modal
      open
      title={t('record.observation.title')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={add.isPending}
      onOk={() => form.submit()}
      onCancel={() => onClose()}
      destroyOnHidden
    >
      {problem ? <Alert type="error" showIcon role="alert" title={problem} className="form-alert" /> : null}
      {analytes.isError ? (
        <Alert type="error" showIcon title={problemText(analytes.error, t)} className="form-alert" />
      ) : null}
      <Form<Values>
        form={form}
        name="add-observation"
        layout="vertical"
        initialValues={{
          code: initial?.loinc,
          unit: initial?.unit,
          effectiveAt: toLocalInput(new Date().toISOString()),
        }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item
          name="code"
          label={t('record.observation.analyte')}
          rules={[
            {
              required: true,
              message: t('record.fields.required', { field: t('record.observation.analyte') }),
            },
          ]}
        >
          <Select
            showSearch={{ optionFilterProp: 'search' }}
            loading={analytes.isPending}
            placeholder={t('record.observation.analytePlaceholder')}
            options={groups}
            onChange={(value: string) => {
              const next = analytes.data?.find((a) => a.loinc === value);
              form.setFieldValue('unit', next?.unit);
            }}
            data-testid="observation-analyte"
          />
        </Form.Item>
        <div className="form-row">
          <Form.Item
            name="value"
            label={t('record.observation.value')}
            rules={[{ required: true, message: t('record.observation.valueRequired') }]}
            className="form-row__grow"
          >
            <InputNumber className="full-width" data-testid="observation-value" />
          </Form.Item>
          <Form.Item name="unit" label={t('record.observation.unit')} className="form-row__unit">
            <Select
              options={(analyte?.units ?? (analyte ? [analyte.unit] : [])).map((u) => ({
                value: u,
                label: displayUnit(u),
              }))}
              disabled={!analyte}
              data-testid="observation-unit"
            />
          </Form.Item>
        </div>
        <Form.Item
          name="effectiveAt"
          label={t('record.observation.effectiveAt')}
          rules={[
            {
              required: true,
              message: t('record.fields.required', { field: t('record.observation.effectiveAt') }),
            },
          ]}
        >
          <Input type="datetime-local" max={toLocalInput(new Date().toISOString())} />
        </Form.Item>
        <Form.Item name="note" label={t('record.observation.note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
