import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  FREQUENCY_CODES,
  type DoseUnit,
  type FormularyDrug,
  type Prescription,
  type PrescriptionCheckResult,
  type PrescriptionItemInput,
} from '@careloop/contracts';
import {
  App,
  AutoComplete,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Result,
  Select,
  Space,
  Spin,
  Typography,
} from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ToneTag } from '../../records/components/ToneTag';
import '../../records/records.css';
import { isApiError } from '../../../api/client';
import { applyFieldErrors, problemText } from '../../../lib/problems';
import { pharmacyApi } from '../api/pharmacy-api';
import { FindingList } from './FindingList';

interface ItemValues {
  drugText?: string;
  drugId?: string;
  doseValue?: number;
  doseUnit?: DoseUnit;
  frequency?: string;
  durationDays?: number;
  quantity?: number;
  instructions?: string;
  overrideReason?: string;
}

interface Values {
  diagnosis?: string;
  note?: string;
  longTerm?: boolean;
  items: ItemValues[];
}

function itemInput(v: ItemValues): PrescriptionItemInput | null {
  if (!v.drugId || !v.doseValue || !v.doseUnit || !v.frequency) return null;
  return {
    drugId: v.drugId,
    dose: { value: v.doseValue, unit: v.doseUnit },
    frequency: v.frequency,
    durationDays: v.durationDays ?? null,
    ...(v.quantity ? { quantity: v.quantity } : {}),
    instructions: v.instructions?.trim() || null,
    overrideReason: v.overrideReason?.trim() || null,
  };
}

/** Drug search by name, brand, pinyin or initials (debounced), showing strength and stock. */
function DrugPicker({
  index,
  value,
  onPick,
  onChange,
}: {
  index: number;
  value?: string;
  onPick: (drug: FormularyDrug) => void;
  onChange?: (text: string) => void;
}) {
  const { t } = useTranslation();
  const [options, setOptions] = useState<FormularyDrug[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  function search(text: string) {
    onChange?.(text);
    clearTimeout(timer.current);
    if (!text.trim()) return setOptions([]);
    timer.current = setTimeout(() => {
      void pharmacyApi.searchDrugs(text.trim()).then(
        (page) => setOptions(page.items),
        () => setOptions([]),
      );
    }, 250);
  }
  return (
    <AutoComplete
      value={value}
      onSearch={search}
      onChange={(text: string) => onChange?.(text)}
      placeholder={t('pharmacy.prescribe.drugPlaceholder')}
      aria-label={t('pharmacy.prescribe.drug')}
      data-testid={`rx-drug-${index}`}
      options={options.map((d) => ({
        value: d.id,
        label: (
          <span data-testid={`rx-drug-option-${d.code}`}>
            {d.name}
            {d.brandZh || d.brandEn ? ` (${d.brandZh ?? d.brandEn})` : ''} · {d.strength.value}
            {d.strength.unit} ×{d.packageSize}{' '}
            <Typography.Text type={d.stock && d.stock.onHand > 0 ? 'secondary' : 'danger'}>
              {d.stock && d.stock.onHand > 0
                ? t('pharmacy.prescribe.stock', { n: d.stock.onHand })
                : t('pharmacy.prescribe.outOfStock')}
            </Typography.Text>
          </span>
        ),
      }))}
      onSelect={(id: string) => {
        const drug = options.find((d) => d.id === id);
        if (drug) onPick(drug);
      }}
      style={{ width: '100%' }}
    />
  );
}

/**
 * Writing a prescription: drugs from the formulary, dose, frequency, duration, quantity and instructions, with the
 * server's safety check run again as the items change. Every finding needs a written reason on its item before
 * the prescription can be signed; once signed it waits for the pharmacist.
 */
export function PrescribeDrawer({
  patientId,
  consultationId,
  appointmentId,
  onClose,
}: {
  patientId: string;
  consultationId?: string;
  appointmentId?: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [drugs, setDrugs] = useState<Record<number, FormularyDrug>>({});
  const [check, setCheck] = useState<PrescriptionCheckResult | null>(null);
  const [checking, setChecking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [signed, setSigned] = useState<Prescription | null>(null);
  const items = Form.useWatch('items', form);
  const inputs = useMemo(() => (items ?? []).map(itemInput), [items]);
  // Only what the check depends on (not reasons or instructions) restarts it.
  const checkKey = JSON.stringify(inputs.map((i) => i && { ...i, overrideReason: null, instructions: null }));

  useEffect(() => {
    const ready = inputs.filter((i): i is PrescriptionItemInput => i !== null);
    if (ready.length === 0 || ready.length !== inputs.length) {
      setCheck(null);
      return;
    }
    let live = true;
    setChecking(true);
    const timer = setTimeout(() => {
      pharmacyApi
        .check(patientId, { items: ready.map((i) => ({ ...i, overrideReason: null })) })
        .then(
          (result) => live && setCheck(result),
          (error: unknown) => {
            if (!live) return;
            setCheck(null);
            applyFieldErrors(form, error);
          },
        )
        .finally(() => live && setChecking(false));
    }, 400);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [checkKey, patientId]);

  async function submit(values: Values) {
    const body = values.items.map(itemInput);
    if (body.some((i) => i === null)) return;
    setBusy(true);
    try {
      const rx = await pharmacyApi.create(patientId, {
        consultationId: consultationId ?? null,
        appointmentId: appointmentId ?? null,
        diagnosis: values.diagnosis?.trim() || null,
        note: values.note?.trim() || null,
        longTerm: values.longTerm ?? false,
        items: body as PrescriptionItemInput[],
      });
      setSigned(rx);
      void message.success(t('pharmacy.prescribe.signed'));
    } catch (error) {
      if (isApiError(error, 'PRESCRIPTION_OVERRIDE_REQUIRED')) {
        applyFieldErrors(form, error);
        form.setFields(
          (error as { errors: { path: string }[] }).errors.map((e) => ({
            name: e.path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)) as never,
            errors: [t('pharmacy.prescribe.overrideRequired')],
          })),
        );
      } else if (!applyFieldErrors(form, error)) void message.error(problemText(error, t));
    } finally {
      setBusy(false);
    }
  }

  const findingsOf = (index: number) => check?.findings.filter((f) => f.itemIndex === index) ?? [];
  const required = [{ required: true, message: t('pharmacy.prescribe.required') }];

  return (
    <Drawer
      open
      title={t('pharmacy.prescribe.title')}
      onClose={onClose}
      width={760}
      destroyOnHidden
      data-testid="rx-drawer"
    >
      {signed ? (
        <Result
          status="success"
          title={t('pharmacy.prescribe.signed')}
          data-testid="rx-signed"
          extra={[
            <Button key="close" onClick={onClose}>
              {t('common.close')}
            </Button>,
          ]}
        >
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('pharmacy.review.items')}>
              {signed.items.map((i) => (
                <div key={i.id}>
                  {i.drugName} — {i.plainText}
                </div>
              ))}
            </Descriptions.Item>
            <Descriptions.Item label={t('pharmacy.prescribe.signedAt')}>
              {new Date(signed.signedAt).toLocaleString()}
            </Descriptions.Item>
            <Descriptions.Item label={t('pharmacy.prescribe.hash')}>
              <Typography.Text code>{signed.contentHash.slice(0, 16)}…</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="">
              <span data-testid="rx-status">
                <ToneTag tone="blue">{t(`pharmacy.status.${signed.status}`)}</ToneTag>
              </span>
            </Descriptions.Item>
          </Descriptions>
        </Result>
      ) : (
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => void submit(v)}
          initialValues={{ items: [{ frequency: 'bid', durationDays: 7 }], longTerm: false }}
        >
          <Form.Item name="diagnosis" label={t('pharmacy.prescribe.diagnosis')}>
            <Input maxLength={500} data-testid="rx-diagnosis" />
          </Form.Item>
          <Form.List name="items">
            {(fields, { add, remove }) => (
              <Space direction="vertical" style={{ width: '100%' }}>
                {fields.map((field, index) => {
                  const drug = drugs[index];
                  const findings = findingsOf(index);
                  const suggested = check?.items.find((i) => i.index === index)?.suggestedQuantity;
                  return (
                    <Card
                      key={field.key}
                      size="small"
                      title={t('pharmacy.prescribe.item', { n: index + 1 })}
                      data-testid={`rx-item-${index}`}
                      extra={
                        fields.length > 1 ? (
                          <Button
                            type="text"
                            icon={<DeleteOutlined aria-hidden />}
                            aria-label={t('pharmacy.prescribe.removeItem', { n: index + 1 })}
                            onClick={() => remove(field.name)}
                          />
                        ) : null
                      }
                    >
                      <Form.Item name={[field.name, 'drugId']} hidden rules={required}>
                        <Input />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'drugText']}
                        label={t('pharmacy.prescribe.drug')}
                        rules={required}
                      >
                        <DrugPicker
                          index={index}
                          onPick={(d) => {
                            setDrugs((all) => ({ ...all, [index]: d }));
                            form.setFieldValue(['items', field.name, 'drugId'], d.id);
                            form.setFieldValue(['items', field.name, 'drugText'], d.name);
                            form.setFieldValue(['items', field.name, 'doseUnit'], d.doseUnits[0]);
                            form.setFieldValue(['items', field.name, 'doseValue'], 1);
                          }}
                        />
                      </Form.Item>
                      <Space wrap align="start">
                        <Form.Item
                          name={[field.name, 'doseValue']}
                          label={t('pharmacy.prescribe.dose')}
                          rules={required}
                        >
                          <InputNumber min={0} step={0.5} data-testid={`rx-dose-${index}`} />
                        </Form.Item>
                        <Form.Item
                          name={[field.name, 'doseUnit']}
                          label={t('pharmacy.prescribe.doseUnit')}
                          rules={required}
                        >
                          <Select
                            style={{ width: 120 }}
                            data-testid={`rx-unit-${index}`}
                            options={(drug?.doseUnits ?? []).map((u) => ({
                              value: u,
                              label: t(`pharmacy.unit.${u}`),
                            }))}
                          />
                        </Form.Item>
                        <Form.Item
                          name={[field.name, 'frequency']}
                          label={t('pharmacy.prescribe.frequency')}
                          rules={required}
                        >
                          <Select
                            style={{ width: 200 }}
                            data-testid={`rx-frequency-${index}`}
                            options={FREQUENCY_CODES.map((c) => ({
                              value: c,
                              label: t(`pharmacy.frequency.${c}`),
                            }))}
                          />
                        </Form.Item>
                        <Form.Item
                          name={[field.name, 'durationDays']}
                          label={t('pharmacy.prescribe.duration')}
                        >
                          <InputNumber min={1} max={365} data-testid={`rx-duration-${index}`} />
                        </Form.Item>
                        <Form.Item
                          name={[field.name, 'quantity']}
                          label={t('pharmacy.prescribe.quantity')}
                          extra={
                            suggested
                              ? t('pharmacy.prescribe.quantitySuggested', { n: suggested })
                              : undefined
                          }
                        >
                          <InputNumber
                            min={1}
                            max={100}
                            placeholder={suggested ? String(suggested) : undefined}
                            data-testid={`rx-quantity-${index}`}
                          />
                        </Form.Item>
                      </Space>
                      <Form.Item
                        name={[field.name, 'instructions']}
                        label={t('pharmacy.prescribe.instructions')}
                      >
                        <Input
                          maxLength={500}
                          placeholder={t('pharmacy.prescribe.instructionsPlaceholder')}
                          data-testid={`rx-instructions-${index}`}
                        />
                      </Form.Item>
                      <FindingList findings={findings} />
                      {findings.length > 0 ? (
                        <Form.Item
                          name={[field.name, 'overrideReason']}
                          label={t('pharmacy.prescribe.overrideReason')}
                          rules={[{ required: true, message: t('pharmacy.prescribe.overrideRequired') }]}
                          style={{ marginTop: 12 }}
                        >
                          <Input.TextArea rows={2} maxLength={1000} data-testid={`rx-override-${index}`} />
                        </Form.Item>
                      ) : null}
                    </Card>
                  );
                })}
                <Button
                  icon={<PlusOutlined aria-hidden />}
                  onClick={() => add({ frequency: 'bid', durationDays: 7 })}
                  disabled={fields.length >= 20}
                  data-testid="rx-add-item"
                >
                  {t('pharmacy.prescribe.addItem')}
                </Button>
              </Space>
            )}
          </Form.List>
          <div aria-live="polite" style={{ margin: '12px 0' }} data-testid="rx-check-state">
            {checking ? (
              <Space>
                <Spin size="small" /> {t('pharmacy.prescribe.checking')}
              </Space>
            ) : check ? (
              check.findings.length === 0 ? (
                <Typography.Text type="success">{t('pharmacy.prescribe.noFindings')}</Typography.Text>
              ) : (
                <Typography.Text type="danger">
                  {t('pharmacy.prescribe.findingsTitle', { count: check.findings.length })}
                </Typography.Text>
              )
            ) : null}
          </div>
          <Form.Item name="note" label={t('pharmacy.prescribe.note')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Form.Item name="longTerm" valuePropName="checked">
            <Checkbox>{t('pharmacy.prescribe.longTerm')}</Checkbox>
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="rx-sign">
            {t('pharmacy.prescribe.sign')}
          </Button>
        </Form>
      )}
    </Drawer>
  );
}
