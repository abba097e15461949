// Readings as home devices send them, for the remote-monitoring benchmark: continuous glucose monitors (one
// glucose value a minute) and ambulatory blood-pressure monitors (systolic, diastolic and pulse a minute), each
// device with its own clock running forward, so every batch is new and the rules see a growing history.
import type { DeviceKind } from '@careloop/contracts';
import { uuidv7 } from '../../apps/server/src/platform/db/ids.ts';
import { normalizeReading } from '../../apps/server/src/modules/monitoring/readings/normalize-reading.ts';
import { QUANTITIES } from '../../apps/server/src/modules/monitoring/readings/reading-types.ts';
import { post, type Doctor } from './setup.ts';

const MINUTE = 60_000;
/** Device clocks start this long ago: every reading stays inside the 72-hour window in which rules raise alerts. */
const START_AGO_MS = 70 * 3_600_000;
/** A clock may run up to this close to now (readings from the future are refused). */
const LATEST_AGO_MS = 10 * MINUTE;
const REGISTER_CONCURRENCY = 10;

export type BenchDeviceKind = Extract<DeviceKind, 'cgm' | 'bp-monitor'>;

export interface BenchDevice {
  readonly patientId: string;
  readonly deviceId: string;
  readonly token: string;
  readonly kind: BenchDeviceKind;
  readonly serial: string;
  /** Time between two readings of the device. */
  readonly stepMs: number;
  /** Readings sent so far: the next reading's sequence number. */
  sent: number;
}

export interface DeviceReading {
  readonly id: string;
  readonly type: 'glucose' | 'blood-pressure';
  readonly takenAt: string;
  readonly value?: number;
  readonly unit?: string;
  readonly context?: 'cgm';
  readonly systolic?: number;
  readonly diastolic?: number;
  readonly pulse?: number;
}

const clockStart = Date.now() - START_AGO_MS;

/**
 * Glucose drifts between about 5 and 9 mmol/L; once every 1,000 readings it dips for six minutes to 2.8, so the
 * low (< 3.9, warning) and urgent-low (< 3.0) rules each raise an alert.
 */
const DIP = [3.7, 3.4, 2.9, 2.8, 3.3, 3.8];
function glucoseAt(seq: number): number {
  const inDip = seq % 1000;
  if (inDip >= 500 && inDip < 500 + DIP.length) return DIP[inDip - 500]!;
  return Math.round((7 + 2 * Math.sin(seq / 90) + ((seq * 7919) % 10) / 20) * 10) / 10;
}

/** Blood pressure 118-134 / 72-84; once every 1,000 readings three in a row at 146/94 (home high, three running). */
function bloodPressureAt(seq: number): { systolic: number; diastolic: number; pulse: number } {
  const inRun = seq % 1000;
  if (inRun >= 300 && inRun < 303) return { systolic: 146, diastolic: 94, pulse: 88 };
  return {
    systolic: 118 + ((seq * 31) % 17),
    diastolic: 72 + ((seq * 17) % 13),
    pulse: 64 + ((seq * 13) % 20),
  };
}

/** The device's next `count` readings, one every `stepMs` after the last it sent. */
export function nextReadings(device: BenchDevice, count: number): DeviceReading[] {
  const first = device.sent;
  const lastAt = clockStart + (first + count - 1) * device.stepMs;
  if (lastAt > Date.now() - LATEST_AGO_MS)
    throw new Error(`device ${device.serial} has no room left on its clock for ${count} more readings`);
  device.sent += count;
  return Array.from({ length: count }, (_, k) => {
    const seq = first + k;
    const id = `${device.serial}-${seq}`;
    const takenAt = new Date(clockStart + seq * device.stepMs).toISOString();
    return device.kind === 'cgm'
      ? { id, type: 'glucose', takenAt, value: glucoseAt(seq), unit: 'mmol/L', context: 'cgm' }
      : { id, type: 'blood-pressure', takenAt, ...bloodPressureAt(seq) };
  });
}

/**
 * `days` of readings the device sent before its clock started (ids of their own), oldest first: the history a
 * device worn for weeks has, which the rules read on every batch.
 */
export function historyReadings(device: BenchDevice, days: number): DeviceReading[] {
  const count = Math.floor((days * 86_400_000) / device.stepMs);
  return Array.from({ length: count }, (_, k) => {
    const id = `${device.serial}-h${k}`;
    const takenAt = new Date(clockStart - (count - k) * device.stepMs).toISOString();
    return device.kind === 'cgm'
      ? { id, type: 'glucose', takenAt, value: glucoseAt(k), unit: 'mmol/L', context: 'cgm' }
      : { id, type: 'blood-pressure', takenAt, ...bloodPressureAt(k) };
  });
}

/** Observation rows a batch becomes (a blood-pressure reading is three: systolic, diastolic, pulse). */
export function rowsOf(readings: readonly DeviceReading[]): number {
  return readings.reduce(
    (sum, r) => sum + (r.type === 'blood-pressure' ? (r.pulse === undefined ? 2 : 3) : 1),
    0,
  );
}

/** Registers one patient per device through the API and each device on its patient, as the console does. */
export async function registerDevices(
  url: string,
  doctor: Doctor,
  patientIds: readonly string[],
  kindOf: (index: number) => BenchDeviceKind,
  label: string,
  stepMs = MINUTE,
): Promise<BenchDevice[]> {
  const devices: BenchDevice[] = [];
  for (let start = 0; start < patientIds.length; start += REGISTER_CONCURRENCY) {
    const slice = patientIds.slice(start, start + REGISTER_CONCURRENCY);
    devices.push(
      ...(await Promise.all(
        slice.map(async (patientId, k) => {
          const kind = kindOf(start + k);
          const serial = `${label}-${start + k}-${uuidv7().slice(-8)}`;
          const res = await post(
            url,
            `/api/v1/patients/${patientId}/devices`,
            { kind, model: kind === 'cgm' ? 'FreeStyle Libre 3' : 'Omron ABPM', serial },
            doctor,
          );
          const body = res.body as { id: string; token: string };
          return { patientId, deviceId: body.id, token: body.token, kind, serial, stepMs, sent: 0 };
        }),
      )),
    );
  }
  return devices;
}

/** The columns of the app's observation INSERT (observations.store.ts), as the app would fill them. */
export interface ObservationColumns {
  patientId: string[];
  id: string[];
  codeSystem: string[];
  code: string[];
  name: string[];
  valueNum: number[];
  valueText: (string | null)[];
  unit: string[];
  refLow: (number | null)[];
  refHigh: (number | null)[];
  refText: (string | null)[];
  flag: (string | null)[];
  effectiveAt: string[];
  source: string[];
  sourceOrg: (string | null)[];
  reportId: (string | null)[];
  deviceId: (string | null)[];
  dedupeKey: string[];
  note: (string | null)[];
  context: (string | null)[];
  endAt: (string | null)[];
}

/**
 * The observation rows the app stores for a batch, computed with the app's own normalization (flags, canonical
 * units, dedupe keys): the raw-insert baseline writes exactly these, in chunks of at most `chunk` rows.
 */
export function observationColumns(
  patientId: string,
  deviceId: string,
  readings: readonly DeviceReading[],
  chunk: number,
): ObservationColumns[] {
  const out: ObservationColumns[] = [];
  let c = emptyColumns();
  const now = new Date();
  readings.forEach((raw, index) => {
    const outcome = normalizeReading(raw, index, { now, birthDate: null });
    if (!outcome.ok) throw new Error(`bench reading refused: ${outcome.rejection.message}`);
    const r = outcome.reading;
    for (const part of r.parts) {
      const q = QUANTITIES[part.quantity];
      c.patientId.push(patientId);
      c.id.push(uuidv7());
      c.codeSystem.push('loinc');
      c.code.push(q.loinc);
      c.name.push(q.nameEn);
      c.valueNum.push(part.value);
      c.valueText.push(null);
      c.unit.push(q.unit);
      c.refLow.push(null);
      c.refHigh.push(null);
      c.refText.push(null);
      c.flag.push(part.flag);
      c.effectiveAt.push(r.takenAt.toISOString());
      c.source.push('device');
      c.sourceOrg.push(null);
      c.reportId.push(null);
      c.deviceId.push(deviceId);
      c.dedupeKey.push(`rd:${deviceId}:${r.senderId}#${q.loinc}`);
      c.note.push(r.note);
      c.context.push(r.context);
      c.endAt.push(null);
      if (c.id.length >= chunk) {
        out.push(c);
        c = emptyColumns();
      }
    }
  });
  if (c.id.length > 0) out.push(c);
  return out;
}

function emptyColumns(): ObservationColumns {
  return {
    patientId: [],
    id: [],
    codeSystem: [],
    code: [],
    name: [],
    valueNum: [],
    valueText: [],
    unit: [],
    refLow: [],
    refHigh: [],
    refText: [],
    flag: [],
    effectiveAt: [],
    source: [],
    sourceOrg: [],
    reportId: [],
    deviceId: [],
    dedupeKey: [],
    note: [],
    context: [],
    endAt: [],
  };
}

export function percentiles(values: readonly number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => round(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0);
  return {
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: round(sorted.at(-1) ?? 0),
    mean: round(sorted.reduce((s, v) => s + v, 0) / Math.max(1, sorted.length)),
  };
}

export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
