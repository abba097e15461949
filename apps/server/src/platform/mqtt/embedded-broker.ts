import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import net from 'node:net';
import { Aedes, type AuthenticateError, type Client } from 'aedes';
import type { Logger } from '../logging.ts';
import { DEFAULT_TOPIC_PREFIX, canonicalDeviceId, parseDeviceTopic } from './device-topics.ts';
import { MalformedFrameError, createFrameScanner } from './frame-scanner.ts';

/** Checks a device's credentials: the device id (MQTT username) and its token (MQTT password). */
export type DeviceAuthenticator = (deviceId: string, token: string) => Promise<boolean>;

export interface EmbeddedBrokerOptions {
  /** Interface to listen on ('0.0.0.0' for devices on the network). */
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly log: Logger;
  readonly authenticate: DeviceAuthenticator;
  readonly topicPrefix?: string;
  /** A connection announcing a larger MQTT packet is dropped before the packet is read. */
  readonly maxPacketBytes?: number;
}

export interface EmbeddedBroker {
  /** Where the server's own client connects (loopback when listening on all interfaces). */
  readonly url: string;
  readonly port: number;
  /** The server's own client: a random secret per start, never written anywhere. */
  readonly internalCredentials: { readonly username: string; readonly password: string };
  close(): Promise<void>;
}

export const DEFAULT_MAX_PACKET_BYTES = 4 * 1024 * 1024;

/** Not a UUID, so no device can claim it. */
const INTERNAL_USERNAME = 'careloop-server';

// CONNACK return codes of MQTT 3.1.1 (aedes declares them as an ambient const enum, unusable here).
const IDENTIFIER_REJECTED = 2;
const SERVER_UNAVAILABLE = 3;
const NOT_AUTHORIZED = 5;

type Identity = { readonly kind: 'internal' } | { readonly kind: 'device'; readonly deviceId: string };

function refusal(returnCode: number): AuthenticateError {
  return Object.assign(new Error('connection refused'), { returnCode }) as AuthenticateError;
}

function digest(value: Buffer): Buffer {
  return createHash('sha256').update(value).digest();
}

/** aedes names a client that sent an empty client id `aedes_<uuid>`. */
const GENERATED_CLIENT_ID = /^aedes_[0-9a-f-]{36}$/;

/**
 * A device's client id must begin with its device id (or be left empty): otherwise one device could take over
 * another's session by connecting under the same client id.
 */
function clientIdFits(clientId: string, deviceId: string): boolean {
  return clientId.toLowerCase().startsWith(deviceId) || GENERATED_CLIENT_ID.test(clientId);
}

/**
 * An in-process MQTT broker for installs without one: devices log in with their device id and token and may
 * only publish their own readings and read their own acks; the server's client may read everything and
 * publish acks.
 */
export async function startEmbeddedBroker(options: EmbeddedBrokerOptions): Promise<EmbeddedBroker> {
  const { log } = options;
  const prefix = options.topicPrefix ?? DEFAULT_TOPIC_PREFIX;
  const maxPacketBytes = options.maxPacketBytes ?? DEFAULT_MAX_PACKET_BYTES;
  const secret = randomBytes(32).toString('base64url');
  const secretDigest = digest(Buffer.from(secret));
  const identities = new WeakMap<Client, Identity>();

  const broker = await Aedes.createBroker({
    authenticate(client, username, password, done) {
      if (username === INTERNAL_USERNAME) {
        const ok = password !== undefined && timingSafeEqual(digest(password), secretDigest);
        if (ok) identities.set(client, { kind: 'internal' });
        done(ok ? null : refusal(NOT_AUTHORIZED), ok);
        return;
      }
      const deviceId = username === undefined ? null : canonicalDeviceId(username);
      if (deviceId === null || password === undefined) return done(refusal(NOT_AUTHORIZED), false);
      options.authenticate(deviceId, password.toString('utf8')).then(
        (ok) => {
          if (!ok) return done(refusal(NOT_AUTHORIZED), false);
          if (!clientIdFits(client.id, deviceId)) return done(refusal(IDENTIFIER_REJECTED), false);
          identities.set(client, { kind: 'device', deviceId });
          done(null, true);
        },
        (error: unknown) => {
          // Name and code only: a message may quote what was looked up.
          const err = error as { name?: unknown; code?: unknown };
          log.warn({ err: { name: err.name, code: err.code } }, 'mqtt device authentication failed');
          done(refusal(SERVER_UNAVAILABLE), false);
        },
      );
    },

    authorizePublish(client, packet, done) {
      const identity = client ? identities.get(client) : undefined;
      if (identity?.kind === 'internal') {
        const ack = parseDeviceTopic(prefix, packet.topic, 'acks');
        return done(ack?.deviceId ? null : new Error('the server publishes acks only'));
      }
      const target = parseDeviceTopic(prefix, packet.topic, 'readings');
      if (identity?.kind !== 'device' || !target || target.deviceId !== identity.deviceId) {
        // aedes drops the connection; the message goes nowhere.
        return done(new Error('a device publishes to its own readings topic only'));
      }
      // A retained reading would be replayed to the server on every subscribe.
      packet.retain = false;
      done(null);
    },

    authorizeSubscribe(client, subscription, done) {
      const identity = identities.get(client);
      if (identity?.kind === 'internal') return done(null, subscription);
      const target = parseDeviceTopic(prefix, subscription.topic, 'acks');
      const own = identity?.kind === 'device' && target?.deviceId === identity.deviceId;
      // A null subscription answers "refused" (0x80) in the SUBACK and keeps the connection.
      done(null, own ? subscription : null);
    },
  });
  broker.on('clientError', (_client, error) =>
    log.debug({ err: { message: error.message } }, 'mqtt client error'),
  );
  broker.on('connectionError', (_client, error) =>
    log.debug({ err: { message: error.message } }, 'mqtt connection error'),
  );

  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    broker.handle(socket);
    const scan = createFrameScanner((frame) => {
      if (frame.totalLength > maxPacketBytes) {
        log.debug({ bytes: frame.totalLength }, 'mqtt packet over the size limit; connection dropped');
        socket.destroy();
      }
    });
    // aedes reads the socket in paused mode, so these chunks are exactly what it parses, as it parses them.
    socket.on('data', (chunk: Buffer) => {
      try {
        scan(chunk);
      } catch (error) {
        if (!(error instanceof MalformedFrameError)) throw error;
        socket.destroy();
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (error) => log.error({ err: { message: error.message } }, 'mqtt listener error'));
  const port = (server.address() as net.AddressInfo).port;
  const loopback = options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host;
  const urlHost = loopback.includes(':') ? `[${loopback}]` : loopback;

  let closing: Promise<void> | null = null;
  return {
    url: `mqtt://${urlHost}:${port}`,
    port,
    internalCredentials: { username: INTERNAL_USERNAME, password: secret },
    close() {
      closing ??= (async () => {
        await new Promise<void>((resolve) => broker.close(() => resolve()));
        for (const socket of sockets) socket.destroy();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      })();
      return closing;
    },
  };
}
