import type { DeviceWithToken } from '@careloop/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button } from 'antd-mobile';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { localizedFieldErrors } from '../../../api/field-errors.ts';
import { SelectField, TextField } from '../../../ui/Field.tsx';
import { ErrorNotice } from '../../../ui/Notice.tsx';
import { registerDevice } from '../api/monitoring.api.ts';
import { monitoringKeys } from '../hooks/monitoring-keys.ts';
import { checkDevice, DEVICE_KINDS, type DeviceDraft, type DeviceField } from '../lib/device-draft.ts';

interface DeviceFormProps {
  patientId: string;
  onCancel: () => void;
  onRegistered: (device: DeviceWithToken) => void;
}

/** Registers a home device by its kind, model and serial number; the answer carries its key, once. */
export function DeviceForm({ patientId, onCancel, onRegistered }: DeviceFormProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<DeviceDraft>({ kind: '', model: '', serial: '', label: '' });
  const [touched, setTouched] = useState(false);
  const checked = checkDevice(draft);
  const register = useMutation({
    mutationFn: () => {
      if (!checked.input) throw new Error('invalid device');
      return registerDevice(patientId, checked.input);
    },
    onSuccess: (device) => {
      void queryClient.invalidateQueries({ queryKey: monitoringKeys.devices(patientId) });
      onRegistered(device);
    },
  });
  const server = localizedFieldErrors(register.error);

  function errorOf(field: DeviceField): string | undefined {
    if (server[field]) return server[field];
    const problem = touched ? checked.errors[field] : undefined;
    return problem ? t(`monitoring.devices.errors.${problem}`, { max: 80 }) : undefined;
  }

  function change(changes: Partial<DeviceDraft>) {
    setDraft((d) => ({ ...d, ...changes }));
    register.reset();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (checked.input) register.mutate();
    else window.setTimeout(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  }

  const hasFieldErrors = Object.keys(server).length > 0;
  return (
    <form
      className="card"
      onSubmit={submit}
      noValidate
      aria-labelledby="device-form-title"
      data-testid="device-form"
    >
      <h2 id="device-form-title">{t('monitoring.devices.addTitle')}</h2>
      {register.error && !hasFieldErrors ? <ErrorNotice error={register.error} /> : null}
      <SelectField
        label={t('monitoring.devices.kind')}
        value={draft.kind}
        onChange={(kind) => change({ kind })}
        options={DEVICE_KINDS.map((k) => ({ value: k, label: t(`monitoring.devices.kinds.${k}`) }))}
        error={errorOf('kind')}
        testId="device-kind"
      />
      <TextField
        label={t('monitoring.devices.model')}
        hint={t('monitoring.devices.modelHint')}
        value={draft.model}
        onChange={(model) => change({ model })}
        maxLength={80}
        autoComplete="off"
        error={errorOf('model')}
        testId="device-model"
      />
      <TextField
        label={t('monitoring.devices.serial')}
        hint={t('monitoring.devices.serialHint')}
        value={draft.serial}
        onChange={(serial) => change({ serial })}
        maxLength={80}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        error={errorOf('serial')}
        testId="device-serial"
      />
      <TextField
        label={t('monitoring.devices.label')}
        hint={t('monitoring.devices.labelHint')}
        value={draft.label}
        onChange={(label) => change({ label })}
        maxLength={80}
        optional
        error={errorOf('label')}
        testId="device-label"
      />
      <div className="actions">
        <Button type="submit" color="primary" loading={register.isPending} data-testid="device-save">
          {t('monitoring.devices.save')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}
