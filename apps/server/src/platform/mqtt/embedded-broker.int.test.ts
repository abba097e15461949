import { randomUUID } from 'node:crypto';
import { connectAsync } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acksTopic, readingsTopic, startEmbeddedBroker, type EmbeddedBroker } from './index.ts';
import {
  TOKEN,
  closed,
  connackCode,
  connectDevice,
  readingsPayload,
  recordingLog,
  sleep,
  waitFor,
} from './mqtt-test-support.ts';

describe('embedded MQTT broker', () => {
  const tokens = new Map<string, string>();
  const { log, lines } = recordingLog();
  let broker: EmbeddedBroker;
  let failing = false;

  const newDevice = () => {
    const id = randomUUID();
    tokens.set(id, TOKEN);
    return id;
  };
  const device = (deviceId: string) =>
    connectDevice(broker.url, acksTopic('careloop/v1', deviceId), {
      username: deviceId,
      password: TOKEN,
      clientId: `${deviceId}-meter`,
    });
  const server = () => connectAsync(broker.url, { ...broker.internalCredentials, reconnectPeriod: 0 });

  beforeAll(async () => {
    broker = await startEmbeddedBroker({
      host: '127.0.0.1',
      port: 0,
      log,
      authenticate: async (deviceId, token) => {
        if (failing) throw new Error(`database down while checking ${token}`);
        return tokens.get(deviceId) === token;
      },
    });
  });
  afterAll(() => broker?.close());

  it('refuses wrong tokens, unknown devices, anonymous clients and borrowed client ids', async () => {
    const deviceId = newDevice();
    const other = newDevice();
    const attempt = (options: object) => connackCode(broker.url, options);
    expect(await attempt({ username: deviceId, password: 'wrong', clientId: deviceId })).toBe(5);
    expect(await attempt({ username: randomUUID(), password: TOKEN })).toBe(5);
    expect(await attempt({})).toBe(5);
    expect(await attempt({ username: 'meter-1', password: TOKEN })).toBe(5);
    expect(await attempt({ username: broker.internalCredentials.username, password: TOKEN })).toBe(5);
    expect(await attempt({ username: deviceId, password: TOKEN, clientId: other })).toBe(2);
    expect(await attempt({ username: deviceId, password: TOKEN, clientId: deviceId })).toBe(0);
    // An empty client id (the broker names the session) is fine too.
    expect(await attempt({ username: deviceId, password: TOKEN, clientId: '' })).toBe(0);
  });

  it('answers "server unavailable" when the token cannot be checked, and logs no token', async () => {
    const deviceId = newDevice();
    failing = true;
    try {
      expect(await connackCode(broker.url, { username: deviceId, password: TOKEN, clientId: deviceId })).toBe(
        3,
      );
    } finally {
      failing = false;
    }
    expect(lines.join('\n')).toContain('mqtt device authentication failed');
    expect(lines.join('\n')).not.toContain(TOKEN);
  });

  it('refuses a subscription to another device’s acks and keeps the connection', async () => {
    const spy = await device(newDevice());
    const refused = { packet: { granted: [128] } };
    const subscribe = (filter: string) => spy.client.subscribeAsync(filter, { qos: 1 });
    await expect(subscribe(acksTopic('careloop/v1', newDevice()))).rejects.toMatchObject(refused);
    await expect(subscribe('careloop/v1/devices/+/acks')).rejects.toMatchObject(refused);
    await expect(subscribe(readingsTopic('careloop/v1', newDevice()))).rejects.toMatchObject(refused);
    await expect(subscribe('#')).rejects.toMatchObject(refused);
    expect(spy.client.connected).toBe(true);
    await spy.client.endAsync();
  });

  it('lets the server read every device and answer on ack topics, but not publish readings', async () => {
    const internal = await server();
    const seen: string[] = [];
    internal.on('message', (topic) => seen.push(topic));
    await internal.subscribeAsync('careloop/v1/devices/+/readings', { qos: 1 });
    const deviceId = newDevice();
    const meter = await device(deviceId);
    await meter.client.publishAsync(readingsTopic('careloop/v1', deviceId), readingsPayload(TOKEN), {
      qos: 1,
    });
    await waitFor(() => seen[0], 'the reading at the server');
    await internal.publishAsync(acksTopic('careloop/v1', deviceId), '{"stored":1}', { qos: 1 });
    await waitFor(() => meter.acks[0], 'the ack at the device');

    const dropped = closed(internal);
    internal.publish(readingsTopic('careloop/v1', deviceId), readingsPayload(TOKEN), { qos: 1 });
    await dropped;
    await meter.client.endAsync();
  });

  it('does not keep a reading a device sent as retained', async () => {
    const deviceId = newDevice();
    const meter = await device(deviceId);
    await meter.client.publishAsync(readingsTopic('careloop/v1', deviceId), readingsPayload(TOKEN), {
      qos: 1,
      retain: true,
    });
    const internal = await server();
    const seen: string[] = [];
    internal.on('message', (topic) => seen.push(topic));
    await internal.subscribeAsync(readingsTopic('careloop/v1', deviceId), { qos: 1 });
    await sleep(200);
    expect(seen).toEqual([]);
    await internal.endAsync();
    await meter.client.endAsync();
  });
});
