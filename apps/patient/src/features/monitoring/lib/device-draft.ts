import type { DeviceInput, DeviceKind } from '@careloop/contracts';

export const DEVICE_KINDS = [
  'bp-monitor',
  'glucose-meter',
  'cgm',
  'scale',
  'watch',
  'pulse-oximeter',
  'thermometer',
  'other',
] as const satisfies readonly DeviceKind[];

export interface DeviceDraft {
  kind: DeviceKind | '';
  model: string;
  serial: string;
  label: string;
}

export type DeviceField = keyof DeviceDraft;
export type DeviceProblem = 'required' | 'too_long' | 'serial_characters';

const MAX = 80;
// As the contract has it: letters, digits, _ . : / -
const SERIAL = /^[\w.:/-]+$/;

export function checkDevice(draft: DeviceDraft): {
  errors: Partial<Record<DeviceField, DeviceProblem>>;
  input: DeviceInput | null;
} {
  const errors: Partial<Record<DeviceField, DeviceProblem>> = {};
  const model = draft.model.trim();
  const serial = draft.serial.trim();
  const label = draft.label.trim();
  if (draft.kind === '') errors.kind = 'required';
  if (model === '') errors.model = 'required';
  else if (model.length > MAX) errors.model = 'too_long';
  if (serial === '') errors.serial = 'required';
  else if (serial.length > MAX) errors.serial = 'too_long';
  else if (!SERIAL.test(serial)) errors.serial = 'serial_characters';
  if (label.length > MAX) errors.label = 'too_long';
  if (Object.keys(errors).length > 0 || draft.kind === '') return { errors, input: null };
  return { errors, input: { kind: draft.kind, model, serial, ...(label ? { label } : {}) } };
}
