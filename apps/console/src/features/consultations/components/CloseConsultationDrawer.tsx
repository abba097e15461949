import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Consultation } from '@careloop/contracts';
import { Alert, App, Button, Drawer, Form, Input, InputNumber, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, problemText } from '../../../lib/problems';
import { Icd10Select } from '../../records/components/Icd10Select';
import { useCloseConsultation } from '../hooks/use-consultations';

interface Values {
  diagnoses: { code: string | null }[];
  advice: string;
  followUpIntervalDays: number | null;
}

const MAX_DIAGNOSES = 5;

/**
 * Ends the consultation with a summary: ICD-10 diagnoses (the record's own look-up), advice, and an optional
 * follow-up interval. The server writes it into the patient's record as an encounter.
 */
export function CloseConsultationDrawer({
  consultation,
  onClose,
}: {
  consultation: Consultation;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const close = useCloseConsultation(consultation.id);

  async function submit(values: Values) {
    const codes = [...new Set(values.diagnoses.map((d) => d.code).filter((c): c is string => !!c))];
    try {
      await close.mutateAsync({
        diagnoses: codes.map((code) => ({ code })),
        advice: values.advice.trim(),
        followUpIntervalDays: values.followUpIntervalDays ?? null,
        version: consultation.version,
      });
      void message.success(t('consult.close.done'));
      onClose();
    } catch (error) {
      applyFieldErrors(form, error);
    }
  }

  return (
    <Drawer
      open
      size={560}
      title={t('consult.close.title', { name: consultation.patient.name })}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Space className="modal-actions">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={close.isPending}
            onClick={() => form.submit()}
            data-testid="consult-close-submit"
          >
            {t('consult.close.submit')}
          </Button>
        </Space>
      }
    >
      {close.error ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={problemText(close.error, t)}
          className="form-alert"
        />
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        name="consult-close"
        initialValues={{ diagnoses: [{ code: null }], advice: '', followUpIntervalDays: null }}
        onFinish={(values) => void submit(values)}
      >
        <Form.List
          name="diagnoses"
          rules={[
            {
              validator: async (_rule, value: Values['diagnoses']) => {
                if (!value?.some((d) => d?.code)) throw new Error(t('consult.close.diagnosisRequired'));
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <fieldset className="consult-close__diagnoses">
              <legend className="consult-close__legend">{t('consult.close.diagnoses')}</legend>
              {fields.map((field, index) => (
                <div key={field.key} className="consult-close__diagnosis" data-testid="consult-diagnosis">
                  <Form.Item
                    name={[field.name, 'code']}
                    label={t('consult.close.diagnosisN', { n: index + 1 })}
                    className="consult-close__code"
                  >
                    <Icd10Select />
                  </Form.Item>
                  {fields.length > 1 ? (
                    <Button
                      type="text"
                      icon={<DeleteOutlined aria-hidden />}
                      onClick={() => remove(field.name)}
                      aria-label={t('consult.close.removeDiagnosis', { n: index + 1 })}
                    />
                  ) : null}
                </div>
              ))}
              {fields.length < MAX_DIAGNOSES ? (
                <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add({ code: null })}>
                  {t('consult.close.addDiagnosis')}
                </Button>
              ) : null}
              <Form.ErrorList errors={errors} />
            </fieldset>
          )}
        </Form.List>
        <Form.Item
          name="advice"
          label={t('consult.close.advice')}
          rules={[{ required: true, whitespace: true, message: t('consult.close.adviceRequired') }]}
        >
          <Input.TextArea rows={5} maxLength={4000} showCount data-testid="consult-close-advice" />
        </Form.Item>
        <Form.Item
          name="followUpIntervalDays"
          label={t('consult.close.followUp')}
          extra={t('consult.close.followUpHelp')}
        >
          <InputNumber
            min={1}
            max={365}
            precision={0}
            suffix={t('consult.days')}
            data-testid="consult-close-followup"
          />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
