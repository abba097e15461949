import type { PatientProfile } from '@careloop/contracts';
import { Alert, App, Form, Modal } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { applyFieldErrors, problemText } from '../../../lib/problems';
import { patientKeys, useUpdatePatient } from '../hooks/use-patients';
import { fromProfile, toPatientInput, type PatientFormValues } from '../lib/patient-form';
import { PatientFormFields } from './PatientFormFields';

/** Edits the demographics against the version shown; a stale version reloads instead of overwriting. */
export function EditPatientModal({ profile, onClose }: { profile: PatientProfile; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<PatientFormValues>();
  const [problem, setProblem] = useState<string | null>(null);
  const update = useUpdatePatient(profile.id);

  async function submit(values: PatientFormValues) {
    setProblem(null);
    try {
      await update.mutateAsync({ ...toPatientInput(values), version: profile.version });
      void message.success(t('profile.updated'));
      onClose();
    } catch (error) {
      if (isApiError(error) && error.status === 409) {
        void message.warning(t('errors.versionConflict'));
        await queryClient.invalidateQueries({ queryKey: patientKeys.one(profile.id) });
        onClose();
        return;
      }
      if (!applyFieldErrors(form, error)) setProblem(problemText(error, t));
    }
  }

  return (
    <Modal
      open
      title={t('profile.editTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={760}
    >
      {problem ? <Alert type="error" showIcon role="alert" title={problem} className="form-alert" /> : null}
      <Form<PatientFormValues>
        form={form}
        name="edit-patient"
        layout="vertical"
        initialValues={fromProfile(profile)}
        onFinish={(values) => void submit(values)}
      >
        <PatientFormFields />
      </Form>
    </Modal>
  );
}
