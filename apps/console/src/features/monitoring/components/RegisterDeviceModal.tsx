import type { DeviceInput, DeviceKind } from '@careloop/contracts';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { CreateModalFooter } from '../../../components/CreateModalFooter';
import { applyFieldErrors, problemText } from '../../../lib/problems';
import { useRegisterDevice } from '../hooks/use-patient-monitoring';
import { DEVICE_KINDS } from '../lib/options';
import { DeviceTokenResult } from './DeviceTokenResult';

interface Values {
  kind: DeviceKind;
  model: string;
  serial: string;
  label?: string;
}

/** Mirrors DeviceInput's serial rule in the contracts: letters, digits and . _ : / - only. */
const SERIAL = /^[\w.:/-]+$/;

/** Registers a home device for the patient, then shows its token once. */
export function RegisterDeviceModal({ patientId, onClose }: { patientId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const register = useRegisterDevice(patientId);

  async function submit(values: Values) {
    const input: DeviceInput = {
      kind: values.kind,
      model: values.model.trim(),
      serial: values.serial.trim(),
      label: values.label?.trim() || undefined,
    };
    try {
      await register.mutateAsync(input);
    } catch (error) {
      applyFieldErrors(form, error);
    }
  }

  const created = register.data;
  return (
    <Modal
      open
      title={t('monitoringDevices.registerTitle')}
      onCancel={onClose}
      mask={{ closable: false }}
      footer={
        <CreateModalFooter
          done={!!created}
          pending={register.isPending}
          submitLabel={t('monitoringDevices.register')}
          onSubmit={() => form.submit()}
          onClose={onClose}
        />
      }
    >
      {created ? (
        <DeviceTokenResult device={created} />
      ) : (
        <>
          {register.error ? (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={problemText(register.error, t)}
              className="form-alert"
            />
          ) : null}
          <Form<Values> form={form} name="register-device" layout="vertical" onFinish={(v) => void submit(v)}>
            <Form.Item
              label={t('monitoringDevices.kind')}
              name="kind"
              rules={[{ required: true, message: t('monitoringDevices.kindRequired') }]}
            >
              <Select
                options={DEVICE_KINDS.map((kind) => ({
                  value: kind,
                  label: t(`monitoring.deviceKinds.${kind}`),
                }))}
                data-testid="device-kind"
              />
            </Form.Item>
            <Form.Item
              label={t('monitoringDevices.model')}
              name="model"
              rules={[{ required: true, whitespace: true, message: t('monitoringDevices.modelRequired') }]}
            >
              <Input maxLength={80} data-testid="device-model" />
            </Form.Item>
            <Form.Item
              label={t('monitoringDevices.serial')}
              name="serial"
              extra={t('monitoringDevices.serialHelp')}
              rules={[
                { required: true, whitespace: true, message: t('monitoringDevices.serialRequired') },
                { pattern: SERIAL, message: t('monitoringDevices.serialInvalid') },
              ]}
            >
              <Input maxLength={80} data-testid="device-serial" />
            </Form.Item>
            <Form.Item
              label={t('monitoringDevices.label')}
              name="label"
              extra={t('monitoringDevices.labelHelp')}
            >
              <Input maxLength={80} />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
