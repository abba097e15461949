import { createConnection } from 'node:net';
import { io, type Socket } from 'socket.io-client';
import type { RealtimeEvent } from '@careloop/contracts';
import { uuidv7 } from '../db/ids.ts';

const WAIT_MS = 5_000;

/** A socket as the apps open one, from Node: the session cookie goes in the handshake headers. */
export function openSocket(
  url: string,
  namespace: 'console' | 'patient' | '',
  headers: { cookie?: string; origin?: string } = {},
): Socket {
  return io(`${url}/${namespace}`, {
    path: '/socket.io',
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders: Object.fromEntries(Object.entries(headers).filter(([, v]) => v)),
  });
}

function within<T>(
  what: string,
  run: (resolve: (value: T) => void, reject: (error: Error) => void) => void,
  timeoutMs = WAIT_MS,
) {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), timeoutMs);
    run(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** Resolves once the server accepts the connection; rejects with the server's reason if it refuses. */
export function connected(socket: Socket): Promise<void> {
  return within('connect', (resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => reject(new Error(`refused: ${error.message}`)));
  });
}

/** Resolves with the server's reason for refusing the connection; rejects if it is accepted. */
export function refused(socket: Socket): Promise<string> {
  return within('connect_error', (resolve, reject) => {
    socket.once('connect', () => reject(new Error('the connection was accepted')));
    socket.once('connect_error', (error) => resolve(error.message));
  });
}

/**
 * Every event a socket receives, in order. Events to one socket arrive in the order they were published, so
 * `until` on a later marker event proves an earlier one did not come, without waiting for a timeout.
 */
export class Inbox {
  readonly events: RealtimeEvent[] = [];
  private waiting: { match: (e: RealtimeEvent) => boolean; resolve: () => void }[] = [];

  constructor(socket: Socket) {
    socket.onAny((_type: string, event: RealtimeEvent) => {
      this.events.push(event);
      this.waiting = this.waiting.filter((w) => {
        if (w.match(event)) w.resolve();
        return !w.match(event);
      });
    });
  }

  ids(): string[] {
    return this.events.map(idOf);
  }

  until(id: string, timeoutMs = WAIT_MS): Promise<void> {
    if (this.events.some((e) => idOf(e) === id)) return Promise.resolve();
    return within(
      `event ${id}`,
      (resolve) => {
        this.waiting.push({ match: (e) => idOf(e) === id, resolve: () => resolve(undefined) });
      },
      timeoutMs,
    );
  }
}

const idOf = (event: RealtimeEvent) =>
  'id' in event
    ? event.id
    : 'patientId' in event
      ? event.patientId
      : 'sessionId' in event
        ? event.sessionId
        : event.consultationId;

export function notificationEvent(): RealtimeEvent & { id: string } {
  return { type: 'notifications.notification.created', id: uuidv7(), at: new Date().toISOString() };
}

export function alertEvent(patientId: string): RealtimeEvent & { id: string } {
  return {
    type: 'alerts.alert.created',
    id: uuidv7(),
    version: 1,
    patientId,
    severity: 'urgent',
    status: 'open',
    at: new Date().toISOString(),
  };
}

/** True when something accepts TCP connections at the URL's host and port (Redis for the adapter tests). */
export function reachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = createConnection({ host: hostname, port: Number(port || 6379) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}
