import mqtt from 'mqtt';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addPatient,
  createOrg,
  createStaff,
  createTestApp,
  signIn,
  type TestApp,
} from '../../../test/harness.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import type { MqttIngress } from '../../platform/mqtt/index.ts';
import { startDeviceMqtt } from './index.ts';

// Readings over MQTT through the embedded broker, the way a device on a patient's home network sends them.
let t: TestApp;
let ingress: MqttIngress;
let patientId: string;
let deviceId: string;
let token: string;

beforeAll(async () => {
  t = await createTestApp({ MQTT_ENABLED: 'true', MQTT_EMBEDDED_PORT: '0' });
  const orgId = await createOrg(t);
  const manager = await signIn(t, await createStaff(t, orgId, ['health_manager']));
  patientId = (await addPatient(t, manager, { name: 'MQTT 患者' })).id;
  const device = await manager.post(`/api/v1/patients/${patientId}/devices`, {
    kind: 'bp-monitor',
    model: 'Omron HEM-7136',
    serial: `BP-${uuidv7().slice(-6)}`,
  });
  deviceId = device.json().id;
  token = device.json().token;
  const started = await startDeviceMqtt(t.deps, pino({ level: 'silent' }));
  if (!started) throw new Error('MQTT ingress did not start');
  ingress = started;
});
afterAll(async () => {
  await ingress?.close();
  await t.close();
});

async function deviceClient(password: string) {
  const client = await mqtt.connectAsync(ingress.url, {
    username: deviceId,
    password,
    clientId: `${deviceId}-test`,
    reconnectPeriod: 0,
    connectTimeout: 5_000,
  });
  await client.subscribeAsync(`careloop/v1/devices/${deviceId}/acks`, { qos: 1 });
  return client;
}

function nextAck(client: mqtt.MqttClient): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no ack within 5 s')), 5_000);
    client.once('message', (_topic, message) => {
      clearTimeout(timer);
      resolve(JSON.parse(message.toString('utf8')) as Record<string, unknown>);
    });
  });
}

describe('readings over MQTT', () => {
  it('stores a device reading, raises its alert and answers on the ack topic', async () => {
    const client = await deviceClient(token);
    try {
      const ack = nextAck(client);
      await client.publishAsync(
        `careloop/v1/devices/${deviceId}/readings`,
        JSON.stringify({
          token,
          lang: 'en-US',
          readings: [
            {
              id: 'm-1',
              type: 'blood-pressure',
              takenAt: new Date(Date.now() - 60_000).toISOString(),
              systolic: 184,
              diastolic: 112,
              pulse: 90,
            },
            {
              id: 'm-2',
              type: 'blood-pressure',
              takenAt: new Date().toISOString(),
              systolic: 400,
              diastolic: 20,
            },
          ],
        }),
        { qos: 1 },
      );
      const body = await ack;
      expect(body).toMatchObject({ ok: true, stored: 1, duplicates: 0 });
      expect(body['rejected']).toEqual([expect.objectContaining({ id: 'm-2', code: 'impossible-value' })]);
      expect(body['alerts']).toEqual([expect.objectContaining({ severity: 'urgent' })]);
      const alerts = await t.deps.db
        .selectFrom('alerts')
        .select(['rule_key'])
        .where('patient_id', '=', patientId)
        .execute();
      expect(alerts.map((a) => a.rule_key)).toEqual(['bp-urgent']);
    } finally {
      await client.endAsync();
    }
  });

  it('answers malformed payloads and a wrong token in the payload with an error ack, and keeps working', async () => {
    const client = await deviceClient(token);
    try {
      let ack = nextAck(client);
      await client.publishAsync(`careloop/v1/devices/${deviceId}/readings`, '{"readings": [', { qos: 1 });
      expect(await ack).toMatchObject({ ok: false, error: 'malformed-payload' });
      ack = nextAck(client);
      await client.publishAsync(
        `careloop/v1/devices/${deviceId}/readings`,
        JSON.stringify({ token: 'cld_wrong', readings: [{ id: 'x' }] }),
        { qos: 1 },
      );
      expect(await ack).toMatchObject({ ok: false, error: 'device-token-invalid' });
    } finally {
      await client.endAsync();
    }
  });

  it('refuses a device whose token is wrong at connect', async () => {
    await expect(deviceClient('cld_not-the-token')).rejects.toThrow();
  });
});
