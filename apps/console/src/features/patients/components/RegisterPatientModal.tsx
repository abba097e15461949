import { Alert, App, Form, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError, newIdempotencyKey } from '../../../api/client';
import { applyFieldErrors, problemText } from '../../../lib/problems';
import { useRegisterPatient } from '../hooks/use-patients';
import { toPatientInput, type PatientFormValues } from '../lib/patient-form';
import { PatientFormFields } from './PatientFormFields';

export function RegisterPatientModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PatientFormValues>();
  // One key per registration attempt: pressing "save" again after a timeout cannot create a second patient.
  const [key, setKey] = useState(newIdempotencyKey);
  const [problem, setProblem] = useState<string | null>(null);
  const register = useRegisterPatient();
  const navigate = useNavigate();

  function close() {
    form.resetFields();
    setProblem(null);
    setKey(newIdempotencyKey());
    onClose();
  }

  async function submit(values: PatientFormValues) {
    setProblem(null);
    try {
      const patient = await register.mutateAsync({ input: toPatientInput(values), key });
      void message.success(t('patients.registered', { name: patient.name }));
      close();
      // The server puts whoever registers a patient on the care team, so the new profile opens at once.
      await navigate(`/patients/${patient.id}`);
    } catch (error) {
      // A rejected request changed nothing, so the corrected one is a new attempt with a new key.
      if (error instanceof ApiError && error.status >= 400 && error.status < 500) setKey(newIdempotencyKey());
      if (!applyFieldErrors(form, error)) setProblem(problemText(error, t));
    }
  }

  return (
    <Modal
      open={open}
      title={t('patients.registerTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={register.isPending}
      onOk={() => form.submit()}
      onCancel={close}
      width={760}
      destroyOnHidden
    >
      {problem ? <Alert type="error" showIcon role="alert" title={problem} className="form-alert" /> : null}
      <Form<PatientFormValues>
        form={form}
        name="register-patient"
        layout="vertical"
        initialValues={{ sex: 'unknown' }}
        onFinish={(values) => void submit(values)}
      >
        <PatientFormFields />
      </Form>
    </Modal>
  );
}
