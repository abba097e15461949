import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { acksTopic, readingsTopic, startMqttIngress, type MqttIngress } from './index.ts';
import {
  TOKEN,
  closed,
  connectDevice,
  deferred,
  isReachable,
  packetSniffingProxy,
  readingsPayload,
  recordingHandler,
  recordingLog,
  sleep,
  waitFor,
} from './mqtt-test-support.ts';

const PUBACK = 4;

const testConfig = (env: Record<string, string>) => loadConfig({ NODE_ENV: 'test', ...env });
const refuse = () => Promise.resolve(false);

// Mosquitto runs beside PostgreSQL in development; a machine without it skips these, unless MQTT_URL asks for it.
const brokerUrl = process.env.MQTT_URL ?? 'mqtt://127.0.0.1:1883';
const haveBroker = Boolean(process.env.MQTT_URL) || (await isReachable(brokerUrl));

describe.skipIf(!haveBroker)('MQTT ingress with an outside broker', () => {
  // A topic root of its own, so parallel runs on the same broker never see each other's messages.
  const topicPrefix = `test-${randomUUID()}/careloop/v1`;
  const { log } = recordingLog();

  it('hands readings to the handler through a shared subscription and answers on the ack topic', async () => {
    const { calls, handler } = recordingHandler();
    const config = testConfig({ MQTT_URL: brokerUrl, MQTT_SHARE_GROUP: 'careloop-test' });
    const ingress = await startMqttIngress({ config, log, authenticate: refuse, handler, topicPrefix });
    const deviceId = randomUUID();
    const device = await connectDevice(brokerUrl, acksTopic(topicPrefix, deviceId), { protocolVersion: 5 });
    try {
      const payload = readingsPayload(TOKEN);
      const correlationData = Buffer.from('msg-17');
      await device.client.publishAsync(readingsTopic(topicPrefix, deviceId), payload, {
        qos: 1,
        properties: { correlationData },
      });
      const ack = await waitFor(() => device.acks[0], 'the ack');
      expect(calls).toHaveLength(1);
      expect(calls[0]!.deviceId).toBe(deviceId);
      expect(calls[0]!.payload.toString('utf8')).toBe(payload);
      expect(ack.topic).toBe(acksTopic(topicPrefix, deviceId));
      expect(ack.body).toEqual({ received: 1, stored: 1, duplicates: 0, rejected: [], alerts: [] });
      expect(ack.packet.properties?.correlationData).toEqual(correlationData);
    } finally {
      await device.client.endAsync();
      await ingress.close();
    }
  });

  it('ignores a topic whose device id is not a UUID', async () => {
    const { calls, handler } = recordingHandler();
    const ingress = await startMqttIngress({
      config: testConfig({ MQTT_URL: brokerUrl }),
      log,
      authenticate: refuse,
      handler,
      topicPrefix,
    });
    const deviceId = randomUUID();
    const device = await connectDevice(brokerUrl, acksTopic(topicPrefix, 'meter-1'), { protocolVersion: 5 });
    await device.client.subscribeAsync(acksTopic(topicPrefix, deviceId), { qos: 1 });
    try {
      await device.client.publishAsync(readingsTopic(topicPrefix, 'meter-1'), readingsPayload(TOKEN), {
        qos: 1,
      });
      await device.client.publishAsync(readingsTopic(topicPrefix, deviceId), readingsPayload(TOKEN), {
        qos: 1,
      });
      // One publisher, one subscriber: the broker keeps the order, so the first was handled before this ack.
      const ack = await waitFor(() => device.acks[0], 'the ack');
      expect(ack.topic).toBe(acksTopic(topicPrefix, deviceId));
      expect(calls.map((c) => c.deviceId)).toEqual([deviceId]);
      await sleep(100);
      expect(device.acks).toHaveLength(1);
    } finally {
      await device.client.endAsync();
      await ingress.close();
    }
  });

  it.each([5, 4] as const)(
    'sends the PUBACK only after the handler has resolved (MQTT v%i)',
    async (version) => {
      const { calls, handler, holdUntil } = recordingHandler();
      const release = deferred();
      holdUntil(release.promise);
      const proxy = await packetSniffingProxy(brokerUrl);
      const ingress = await startMqttIngress({
        config: testConfig({ MQTT_URL: proxy.url }),
        log,
        authenticate: refuse,
        handler,
        topicPrefix,
        protocolVersion: version,
      });
      const deviceId = randomUUID();
      const device = await connectDevice(brokerUrl, acksTopic(topicPrefix, deviceId), {
        protocolVersion: version,
      });
      try {
        await device.client.publishAsync(readingsTopic(topicPrefix, deviceId), readingsPayload(TOKEN), {
          qos: 1,
        });
        await waitFor(() => calls[0], 'the handler call');
        await sleep(300);
        expect(proxy.sent).not.toContain(PUBACK);
        expect(device.acks).toHaveLength(0);

        release.resolve();
        await waitFor(() => device.acks[0], 'the ack');
        await waitFor(() => (proxy.sent.includes(PUBACK) ? true : undefined), 'the PUBACK');
      } finally {
        release.resolve();
        await device.client.endAsync();
        await ingress.close();
        await proxy.close();
      }
    },
  );

  it('gets a message again when the connection breaks before the handler resolved', async () => {
    const { calls, handler, holdUntil } = recordingHandler();
    const release = deferred();
    holdUntil(release.promise);
    const proxy = await packetSniffingProxy(brokerUrl);
    const ingress = await startMqttIngress({
      config: testConfig({ MQTT_URL: proxy.url }),
      log,
      authenticate: refuse,
      handler,
      topicPrefix,
    });
    const deviceId = randomUUID();
    const device = await connectDevice(brokerUrl, acksTopic(topicPrefix, deviceId), { protocolVersion: 5 });
    try {
      await device.client.publishAsync(readingsTopic(topicPrefix, deviceId), readingsPayload(TOKEN), {
        qos: 1,
      });
      await waitFor(() => calls[0], 'the handler call');
      proxy.cut();
      await sleep(200);
      release.resolve();
      // The broker still holds the unacknowledged message and redelivers it to the resumed session.
      await waitFor(() => calls[1], 'the redelivery', 8000);
      expect(calls[1]!.payload).toEqual(calls[0]!.payload);
      await waitFor(() => device.acks[0], 'an ack');
    } finally {
      release.resolve();
      await device.client.endAsync();
      await ingress.close();
      await proxy.close();
    }
  });
});

describe('MQTT ingress with the embedded broker', () => {
  const tokens = new Map<string, string>();
  const { calls, handler } = recordingHandler();
  const { log, lines } = recordingLog();
  let ingress: MqttIngress;
  const authenticate = async (deviceId: string, token: string) => tokens.get(deviceId) === token;

  const device = async (deviceId: string, token = TOKEN, clientId = `${deviceId}-meter`) =>
    connectDevice(ingress.url, acksTopic('careloop/v1', deviceId), {
      username: deviceId,
      password: token,
      clientId,
    });
  const newDevice = () => {
    const id = randomUUID();
    tokens.set(id, TOKEN);
    return id;
  };

  beforeAll(async () => {
    ingress = await startMqttIngress({
      config: testConfig({ MQTT_EMBEDDED_PORT: '0' }),
      log,
      authenticate,
      handler,
    });
  });
  afterAll(() => ingress?.close());

  it('drops a device that publishes to another device’s topic, and the message reaches no handler', async () => {
    const intruder = await device(newDevice());
    const victimId = newDevice();
    const victim = await device(victimId);
    const dropped = closed(intruder.client);
    intruder.client.publish(readingsTopic('careloop/v1', victimId), readingsPayload(TOKEN, 'forged'), {
      qos: 1,
    });
    await dropped;
    await victim.client.publishAsync(readingsTopic('careloop/v1', victimId), readingsPayload(TOKEN, 'own'), {
      qos: 1,
    });
    await waitFor(() => victim.acks[0], 'the victim’s ack');
    const seen = calls.filter((c) => c.deviceId === victimId).map((c) => c.payload.toString('utf8'));
    expect(seen).toEqual([readingsPayload(TOKEN, 'own')]);
    await victim.client.endAsync();
  });

  it('answers oversized, non-UTF-8, malformed and failing messages with an error ack, and keeps working', async () => {
    const deviceId = newDevice();
    const meter = await device(deviceId);
    const topic = readingsTopic('careloop/v1', deviceId);
    const before = calls.length;
    await meter.client.publishAsync(topic, Buffer.alloc(1024 * 1024 + 1, 0x20), { qos: 1 });
    await meter.client.publishAsync(topic, Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), { qos: 1 });
    await meter.client.publishAsync(topic, '{"token": ', { qos: 1 });
    await meter.client.publishAsync(topic, 'fail', { qos: 1 });
    await meter.client.publishAsync(topic, readingsPayload(TOKEN), { qos: 1 });
    await waitFor(() => meter.acks[4], 'five acks');
    expect(meter.acks.map((a) => a.body)).toEqual([
      { error: 'payload-too-large' },
      { error: 'payload-not-utf8' },
      { error: 'invalid-payload' },
      { error: 'server-error' },
      { received: 1, stored: 1, duplicates: 0, rejected: [], alerts: [] },
    ]);
    // Only the last three reached the handler.
    expect(calls.slice(before).map((c) => c.payload.toString('utf8'))).toEqual([
      '{"token": ',
      'fail',
      readingsPayload(TOKEN),
    ]);
    await meter.client.endAsync();
  });

  it('drops a connection that announces a packet over the transport limit, and serves the next one', async () => {
    const deviceId = newDevice();
    const meter = await device(deviceId);
    const dropped = closed(meter.client);
    meter.client.publish(readingsTopic('careloop/v1', deviceId), Buffer.alloc(5 * 1024 * 1024), { qos: 1 });
    await dropped;
    const again = await device(deviceId);
    await again.client.publishAsync(readingsTopic('careloop/v1', deviceId), readingsPayload(TOKEN), {
      qos: 1,
    });
    await waitFor(() => again.acks[0], 'the ack');
    await again.client.endAsync();
  });

  it('fails to start when the broker cannot be reached, instead of waiting forever', async () => {
    const config = testConfig({ MQTT_URL: 'mqtt://127.0.0.1:9' });
    const start = startMqttIngress({ config, log, authenticate, handler, connectTimeoutMs: 500 });
    await expect(start).rejects.toThrow(/not reachable/);
  });

  it('keeps tokens, payloads and handler error details out of the log', () => {
    const text = lines.join('\n');
    expect(text).toContain('mqtt reading handler failed');
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain('secret');
    expect(text).not.toContain('blood-pressure');
  });
});
