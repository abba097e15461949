import type { IncomingMessage } from 'node:http';
import { fastifyCookie } from '@fastify/cookie';
import type { Socket } from 'socket.io';
import type { Actor } from '../auth/actor.ts';
import { SESSION_COOKIE, type SessionStore } from '../auth/session-store.ts';
import type { RealtimeNamespace } from './realtime.ts';

export type SessionResolver = Pick<SessionStore, 'resolve'>;

/** Why a connection was refused: the client sees it as `connect_error` with this message. */
export type RefusalReason = 'NOT_AUTHENTICATED' | 'MFA_REQUIRED' | 'FORBIDDEN';

export const accountRoom = (accountId: string) => `account:${accountId}`;
export const orgRoom = (orgId: string) => `org:${orgId}`;

/**
 * Resolves the session cookie exactly as the HTTP auth hook does (an unsigned cookie holding the session token),
 * and checks the actor may use the namespace. Bearer tokens are for integrations and devices, not sockets.
 */
export async function authenticateSocket(
  headers: IncomingMessage['headers'],
  namespace: RealtimeNamespace,
  sessions: SessionResolver,
): Promise<Actor | RefusalReason> {
  const header = headers.cookie;
  const token = header ? fastifyCookie.parse(header)[SESSION_COOKIE] : undefined;
  if (!token) return 'NOT_AUTHENTICATED';
  return authenticateToken(token, namespace, sessions);
}

/** The actor behind a session token, if it may use the namespace. */
export async function authenticateToken(
  token: string,
  namespace: RealtimeNamespace,
  sessions: SessionResolver,
): Promise<Actor | RefusalReason> {
  const resolved = await sessions.resolve(token);
  if (!resolved) return 'NOT_AUTHENTICATED';
  const { actor } = resolved;
  if (actor.mfa !== 'ok') return 'MFA_REQUIRED';
  const wanted = namespace === 'console' ? 'staff' : 'patient';
  return actor.kind === wanted ? actor : 'FORBIDDEN';
}

/** The rooms a connection joins: publish() addresses sockets only through these. */
export function roomsOf(actor: Actor): string[] {
  return actor.kind === 'staff'
    ? [accountRoom(actor.accountId), orgRoom(actor.orgId)]
    : [accountRoom(actor.accountId)];
}

/** What a connection keeps from its handshake. */
export interface SocketData {
  readonly accountId: string;
  readonly rooms: string[];
  /** Who sends the connection's commands; re-checked against the session now and then (see SocketRealtime). */
  actor: Actor;
  checkedAt: number;
}

/** A namespace middleware: refuses the connection, or records the rooms it joins once accepted. */
export function requireActor(namespace: RealtimeNamespace, sessions: SessionResolver) {
  return (socket: Socket<never, never, never, SocketData>, next: (err?: Error) => void) => {
    authenticateSocket(socket.request.headers, namespace, sessions).then(
      (result) => {
        if (typeof result === 'string') return next(new Error(result));
        socket.data = {
          accountId: result.accountId,
          rooms: roomsOf(result),
          actor: result,
          checkedAt: Date.now(),
        };
        next();
      },
      () => next(new Error('UNAVAILABLE')),
    );
  };
}
