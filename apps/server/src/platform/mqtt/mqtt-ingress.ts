import { randomBytes } from 'node:crypto';
import { isUtf8 } from 'node:buffer';
import { type IClientOptions, type IPublishPacket, type MqttClient, connect } from 'mqtt';
import type { Config } from '../../config.ts';
import type { Logger } from '../logging.ts';
import {
  type DeviceAuthenticator,
  DEFAULT_MAX_PACKET_BYTES,
  startEmbeddedBroker,
} from './embedded-broker.ts';
import { DEFAULT_TOPIC_PREFIX, acksTopic, parseDeviceTopic, readingsFilter } from './device-topics.ts';
import { GateFullError, GateTimeoutError, KeyedGate } from './keyed-gate.ts';

/**
 * Handles one device message: `deviceId` is the canonical id from the topic, `payload` the raw bytes (UTF-8,
 * at most `maxPayloadBytes`). It validates and stores, and returns what the device gets back on its ack topic.
 * It throws only for failures of ours (database down), never for bad input: that belongs in the result.
 */
export type MqttReadingHandler = (deviceId: string, payload: Buffer) => Promise<object>;

/** Answers the ingress itself sends, without calling the handler or after it failed. */
export type MqttIngressErrorCode = 'payload-too-large' | 'payload-not-utf8' | 'server-busy' | 'server-error';

export interface MqttIngressOptions {
  readonly config: Pick<Config, 'mqtt' | 'host'>;
  readonly log: Logger;
  /** Checks device credentials on the embedded broker (unused with an outside broker). */
  readonly authenticate: DeviceAuthenticator;
  readonly handler: MqttReadingHandler;
  readonly topicPrefix?: string;
  readonly maxPayloadBytes?: number;
  /** Handler calls running at once (one device's messages always run one after another). */
  readonly maxInFlight?: number;
  /** After this long the device gets a server-error ack; the call keeps its slot until it settles. */
  readonly handlerTimeoutMs?: number;
  /** Client id at an outside broker; a random one per process by default. */
  readonly clientId?: string;
  /** MQTT version to an outside broker: 5 unless the broker speaks only 3.1.1. */
  readonly protocolVersion?: 4 | 5;
  /** Resolve once subscribed, or fail when the broker cannot be reached in this time. */
  readonly connectTimeoutMs?: number;
}

export interface MqttIngress {
  /** The broker in use, without credentials. */
  readonly url: string;
  /** Finishes the messages in hand, then disconnects and stops the embedded broker. */
  close(): Promise<void>;
}

export const DEFAULT_MAX_PAYLOAD_BYTES = 1024 * 1024;

// PUBACK reason codes of MQTT 5 (3.1.1 has none: its PUBACK only says "received").
const PUBACK_SUCCESS = 0;
const PUBACK_UNSPECIFIED_ERROR = 0x80;

const errorAck = (code: MqttIngressErrorCode) => ({ error: code });

/** Broker URL for logs and callers: no user name or password. */
function withoutCredentials(url: string): string {
  const parsed = new URL(url);
  parsed.username = '';
  parsed.password = '';
  return parsed.toString().replace(/\/$/, '');
}

/**
 * Subscribes (QoS 1) to every device's readings topic, hands each message to `handler` and publishes the
 * result to the device's ack topic. The PUBACK goes back to the broker only after the handler has settled, so
 * the broker keeps (and redelivers) a message the server has not yet stored. Uses the broker at
 * `config.mqtt.url`, or starts the embedded one. The caller checks `config.mqtt.enabled`.
 */
export async function startMqttIngress(options: MqttIngressOptions): Promise<MqttIngress> {
  const { config, log, handler } = options;
  const prefix = options.topicPrefix ?? DEFAULT_TOPIC_PREFIX;
  const maxPayloadBytes = options.maxPayloadBytes ?? DEFAULT_MAX_PAYLOAD_BYTES;
  const handlerTimeoutMs = options.handlerTimeoutMs ?? 30_000;
  const gate = new KeyedGate({
    maxInFlight: options.maxInFlight ?? 8,
    maxWaiting: 1000,
    timeoutMs: handlerTimeoutMs,
  });
  // Room for the topic and MQTT 5 properties around the largest payload we answer.
  const maxPacketBytes = Math.max(DEFAULT_MAX_PACKET_BYTES, maxPayloadBytes + 64 * 1024);

  const embedded = config.mqtt.url
    ? null
    : await startEmbeddedBroker({
        host: config.host,
        port: config.mqtt.embeddedPort,
        log,
        authenticate: options.authenticate,
        topicPrefix: prefix,
        maxPacketBytes,
      });
  const url = config.mqtt.url ?? embedded!.url;
  const pendingAcks = new Set<Promise<void>>();
  let closing = false;
  // aedes speaks MQTT 3.1.1 only; outside brokers get MQTT 5 (reason codes, session expiry, packet size limit).
  const protocolVersion = embedded ? 4 : (options.protocolVersion ?? 5);
  const v5 = protocolVersion === 5;
  const clientOptions: IClientOptions = {
    clientId: options.clientId ?? `careloop-ingress-${randomBytes(6).toString('hex')}`,
    protocolVersion,
    reconnectPeriod: 1000,
    connectTimeout: 10_000,
    // A session that outlives a dropped connection lets the broker redeliver what was not acknowledged. In
    // MQTT 5 it expires on its own; a 3.1.1 session never does, so only a fixed client id gets one there.
    clean: embedded !== null || (!v5 && options.clientId === undefined),
    ...(embedded?.internalCredentials ?? {}),
    ...(v5 ? { properties: { sessionExpiryInterval: 120, maximumPacketSize: maxPacketBytes } } : {}),
    // MQTT 5, QoS 1 and 2: mqtt.js sends the PUBACK with our reason code once `done` is called.
    customHandleAcks: (_topic, _message, packet: IPublishPacket, done) => {
      // Messages arriving while closing stay unacknowledged, so the broker sends them again.
      if (closing) return;
      void handle(packet).then((code) => done(code));
    },
  };

  const client = connect(url, clientOptions);
  // Every other message (MQTT 3.1.1, and QoS 0): mqtt.js sends the PUBACK, if any, once `callback` is called.
  client.handleMessage = (packet, callback) => {
    if (v5 && packet.qos > 0) return callback();
    if (closing) return;
    void handle(packet).then(() => callback());
  };

  function publishAck(segment: string, body: object, packet: IPublishPacket): void {
    let json: string | undefined;
    try {
      json = JSON.stringify(body);
    } catch {
      // A result JSON cannot carry (a cycle, a BigInt) is our bug, not the device's.
    }
    json ??= JSON.stringify(errorAck('server-error'));
    const correlationData = packet.properties?.correlationData;
    const sent = new Promise<void>((resolve) => {
      const done = (error?: Error) => {
        if (error) log.warn({ err: { message: error.message } }, 'mqtt ack not published');
        resolve();
      };
      try {
        const properties = v5 && correlationData ? { properties: { correlationData } } : {};
        client.publish(acksTopic(prefix, segment), json, { qos: 1, ...properties }, done);
      } catch (error) {
        done(error as Error);
      }
    });
    pendingAcks.add(sent);
    void sent.finally(() => pendingAcks.delete(sent));
  }

  /** Never rejects: whatever happens, the message gets an answer and the connection goes on. */
  async function handle(packet: IPublishPacket): Promise<number> {
    const { topic } = packet;
    const payload = Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload);
    const target = parseDeviceTopic(prefix, topic, 'readings');
    if (!target?.deviceId) {
      log.debug('mqtt message on a topic without a device id ignored');
      return PUBACK_SUCCESS;
    }
    const { segment, deviceId } = target;
    if (payload.length > maxPayloadBytes) {
      publishAck(segment, errorAck('payload-too-large'), packet);
      return PUBACK_SUCCESS;
    }
    if (!isUtf8(payload)) {
      publishAck(segment, errorAck('payload-not-utf8'), packet);
      return PUBACK_SUCCESS;
    }
    try {
      const result = await gate.run(deviceId, () => handler(deviceId, payload));
      publishAck(segment, result, packet);
      return PUBACK_SUCCESS;
    } catch (error) {
      const busy = error instanceof GateFullError;
      // The payload and the error's details (values, SQL) stay out of the log.
      const err = error as { name?: unknown; code?: unknown };
      log.warn(
        { deviceId, err: { name: err.name, code: err.code }, timedOut: error instanceof GateTimeoutError },
        busy ? 'mqtt reading dropped: too many waiting' : 'mqtt reading handler failed',
      );
      publishAck(segment, errorAck(busy ? 'server-busy' : 'server-error'), packet);
      // MQTT 5 can say it failed; to a 3.1.1 broker the PUBACK only means "received".
      return PUBACK_UNSPECIFIED_ERROR;
    }
  }

  const broker = withoutCredentials(url);
  let state: 'connecting' | 'connected' | 'offline' = 'connecting';
  const enter = (next: typeof state, message: string, level: 'info' | 'warn') => {
    if (state === next) return;
    state = next;
    log[level]({ broker }, message);
  };
  client.on('connect', () => enter('connected', 'mqtt ingress connected', 'info'));
  client.on('offline', () => {
    if (!closing) enter('offline', 'mqtt ingress lost the broker; reconnecting', 'warn');
  });
  // A broker that is down fails every reconnect the same way: log each distinct error once.
  let lastError = '';
  client.on('error', (error) => {
    const repeated = error.message === lastError;
    lastError = error.message;
    log[repeated ? 'debug' : 'warn']({ broker, err: { message: error.message } }, 'mqtt ingress error');
  });
  client.on('connect', () => (lastError = ''));

  async function shutdown(): Promise<void> {
    await client.endAsync(true);
    await embedded?.close();
  }

  try {
    await subscribe(client, readingsFilter(prefix, embedded ? undefined : config.mqtt.shareGroup), {
      timeoutMs: options.connectTimeoutMs ?? 15_000,
    });
  } catch (error) {
    await shutdown();
    throw error;
  }

  let closed: Promise<void> | null = null;
  return {
    url: broker,
    close() {
      closed ??= (async () => {
        closing = true;
        await Promise.race([gate.idle(), delay(handlerTimeoutMs)]);
        await Promise.race([Promise.all(pendingAcks), delay(2000)]);
        await shutdown();
        log.info({ broker }, 'mqtt ingress closed');
      })();
      return closed;
    },
  };
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/** Waits for the first connection and a granted subscription; a refused CONNACK fails at once. */
async function subscribe(client: MqttClient, filter: string, { timeoutMs }: { timeoutMs: number }) {
  let timer: NodeJS.Timeout | undefined;
  let onError: ((error: Error) => void) | undefined;
  try {
    await Promise.race([
      new Promise<void>((resolve, reject) => {
        onError = (error: Error & { code?: unknown }) => {
          // CONNACK refusals carry a numeric code; socket errors are retried by the client.
          if (typeof error.code === 'number') reject(error);
        };
        client.on('error', onError);
        if (client.connected) resolve();
        else client.once('connect', () => resolve());
      }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`mqtt broker not reachable in ${timeoutMs} ms`)),
          timeoutMs,
        );
      }),
    ]);
    const granted = await client.subscribeAsync(filter, { qos: 1 });
    // A refused filter comes back as 0x80 or another reason code above 2.
    if (granted.some((g) => g.qos > 2)) {
      throw new Error('mqtt broker refused the readings subscription');
    }
  } finally {
    clearTimeout(timer);
    if (onError) client.off('error', onError);
  }
}
