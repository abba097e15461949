// Helpers for the MQTT integration tests: a log that keeps its lines, device clients and a TCP proxy that
// reports the MQTT packets a client sends.
import net from 'node:net';
import { connectAsync, type IClientOptions, type IPublishPacket, type MqttClient } from 'mqtt';
import pino from 'pino';
import type { Logger } from '../logging.ts';
import type { MqttReadingHandler } from './mqtt-ingress.ts';
import { createFrameScanner } from './frame-scanner.ts';

export function recordingLog(): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => void lines.push(line) });
  return { log, lines };
}

export function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function waitFor<T>(probe: () => T | undefined, what: string, timeoutMs = 5000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

export async function isReachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 1883) });
    socket.setTimeout(500);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

export interface Ack {
  readonly topic: string;
  readonly body: unknown;
  readonly packet: IPublishPacket;
}

/** A device: connected, subscribed to its ack topic, collecting the acks it receives. */
export async function connectDevice(
  url: string,
  ackTopic: string,
  options: IClientOptions,
): Promise<{ client: MqttClient; acks: Ack[] }> {
  const client = await connectAsync(url, { reconnectPeriod: 0, connectTimeout: 5000, ...options });
  const acks: Ack[] = [];
  client.on('message', (topic, payload, packet) => {
    acks.push({ topic, body: JSON.parse(payload.toString('utf8')) as unknown, packet });
  });
  const [granted] = await client.subscribeAsync(ackTopic, { qos: 1 });
  if (!granted || granted.qos > 2) throw new Error('ack subscription refused');
  return { client, acks };
}

/** Resolves when the broker drops the client's connection; fails after a few seconds. */
export function closed(client: MqttClient, timeoutMs = 5000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the connection stayed open')), timeoutMs);
    client.once('close', () => (clearTimeout(timer), resolve()));
  });
}

/** Connect attempt that resolves with the CONNACK refusal code (or 0 when accepted). */
export async function connackCode(url: string, options: IClientOptions): Promise<number> {
  try {
    const client = await connectAsync(url, { reconnectPeriod: 0, connectTimeout: 5000, ...options });
    await client.endAsync();
    return 0;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code !== 'number') throw error;
    return code;
  }
}

/** A TCP proxy in front of `target` that records the type of every MQTT packet the client side sends. */
export async function packetSniffingProxy(target: string) {
  const { hostname, port } = new URL(target);
  const sent: number[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((inbound) => {
    const outbound = net.connect({ host: hostname, port: Number(port || 1883) });
    for (const socket of [inbound, outbound]) {
      sockets.add(socket);
      socket.once('close', () => (sockets.delete(socket), inbound.destroy(), outbound.destroy()));
      socket.on('error', () => undefined);
    }
    const scan = createFrameScanner((frame) => sent.push(frame.type));
    inbound.on('data', (chunk: Buffer) => scan(chunk));
    inbound.pipe(outbound);
    outbound.pipe(inbound);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port: proxyPort } = server.address() as net.AddressInfo;
  return {
    url: `mqtt://127.0.0.1:${proxyPort}`,
    /** Packet types sent by clients through the proxy, in order (4 = PUBACK). */
    sent,
    /** Drops every connection, as a broken network would; new connections still go through. */
    cut: () => {
      for (const socket of sockets) socket.destroy();
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export const TOKEN = 'device-token-4f1c9a';
export function readingsPayload(token: string, id = 'bp-1'): string {
  const reading = {
    id,
    type: 'blood-pressure',
    takenAt: '2025-01-01T08:00:00Z',
    systolic: 128,
    diastolic: 82,
  };
  return JSON.stringify({ token, readings: [reading] });
}

/** Stands in for the monitoring module: answers like POST /api/v1/readings would, and can be held or fail. */
export function recordingHandler() {
  const calls: { deviceId: string; payload: Buffer }[] = [];
  let hold: Promise<void> | null = null;
  const handler: MqttReadingHandler = async (deviceId, payload) => {
    calls.push({ deviceId, payload });
    if (hold) await hold;
    const text = payload.toString('utf8');
    if (text === 'fail') throw Object.assign(new Error('insert failed'), { detail: 'Key (note)=(secret)' });
    try {
      const n = (JSON.parse(text) as { readings: unknown[] }).readings.length;
      return { received: n, stored: n, duplicates: 0, rejected: [], alerts: [] };
    } catch {
      return { error: 'invalid-payload' };
    }
  };
  return { calls, handler, holdUntil: (p: Promise<void>) => void (hold = p) };
}
