// A home BP monitor for the demo: signs in as 张伟 (13800000001), registers a monitor on his profile (a new token
// each run, shown once), and sends readings the way a device does, over REST and over MQTT.
//   npm run demo:device                       a normal reading over REST and one over MQTT
//   npm run demo:device -- --urgent           an urgent 186/114 (the care team's console shows the alert)
//   npm run demo:device -- --url http://host:3000 --mqtt mqtt://host:1883
import mqtt from 'mqtt';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: process.env.PUBLIC_URL ?? 'http://127.0.0.1:3000' },
    mqtt: {
      type: 'string',
      default: process.env.MQTT_URL ?? `mqtt://127.0.0.1:${process.env.MQTT_EMBEDDED_PORT ?? 1883}`,
    },
    phone: { type: 'string', default: '13800000001' },
    password: { type: 'string', default: 'Demo1234!' },
    urgent: { type: 'boolean', default: false },
  },
});
const base = values.url!.replace(/\/+$/, '');

async function call(path: string, init: RequestInit & { cookie?: string; csrf?: string } = {}) {
  const res = await fetch(`${base}${path}`, {
    ...init,
    headers: {
      'content-type': 'application/json',
      'accept-language': 'zh-CN',
      ...(init.cookie ? { cookie: init.cookie } : {}),
      ...(init.csrf ? { 'x-csrf-token': init.csrf } : {}),
      ...(init.headers as Record<string, string> | undefined),
    },
  });
  const body = (await res.json().catch(() => null)) as Record<string, unknown> | null;
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${JSON.stringify(body)}`);
  return { res, body: body ?? {} };
}

async function main() {
  const login = await call('/api/v1/auth/login', {
    method: 'POST',
    body: JSON.stringify({ identifier: values.phone, password: values.password }),
  });
  const cookie = (login.res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const csrf = String(login.body['csrfToken']);
  const profiles = await call('/api/v1/me/patients', { cookie });
  const own = (
    profiles.body['items'] as { patient: { id: string; name: string }; relationship: string }[]
  ).find((p) => p.relationship === 'self');
  if (!own) throw new Error('this account has no own profile');
  const device = await call(`/api/v1/patients/${own.patient.id}/devices`, {
    method: 'POST',
    cookie,
    csrf,
    body: JSON.stringify({ kind: 'bp-monitor', model: 'Omron HEM-7136', serial: `DEMO-${Date.now()}` }),
  });
  const deviceId = String(device.body['id']);
  const token = String(device.body['token']);
  process.stdout.write(`Registered a BP monitor for ${own.patient.name}: device ${deviceId}\n`);

  const reading = (systolic: number, diastolic: number) => ({
    id: randomUUID(),
    type: 'blood-pressure',
    takenAt: new Date().toISOString(),
    systolic,
    diastolic,
    pulse: 78,
  });
  const [sys, dia] = values.urgent ? [186, 114] : [128, 82];
  const rest = await call('/api/v1/readings', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'idempotency-key': `demo-${randomUUID()}` },
    body: JSON.stringify({ readings: [reading(sys, dia)] }),
  });
  process.stdout.write(`REST  ${sys}/${dia} mmHg -> ${JSON.stringify(rest.body)}\n`);

  try {
    const client = await mqtt.connectAsync(values.mqtt!, {
      username: deviceId,
      password: token,
      clientId: `${deviceId}-demo`,
      connectTimeout: 5_000,
      reconnectPeriod: 0,
    });
    await client.subscribeAsync(`careloop/v1/devices/${deviceId}/acks`, { qos: 1 });
    const ack = new Promise<string>((resolve) => client.once('message', (_t, m) => resolve(m.toString())));
    await client.publishAsync(
      `careloop/v1/devices/${deviceId}/readings`,
      JSON.stringify({ token, readings: [reading(sys - 2, dia - 1)] }),
      { qos: 1 },
    );
    process.stdout.write(`MQTT  ${sys - 2}/${dia - 1} mmHg -> ${await ack}\n`);
    await client.endAsync();
  } catch (error) {
    process.stdout.write(
      `MQTT  not sent (${(error as Error).message}); is the server's MQTT ingest on ${values.mqtt}?\n`,
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
