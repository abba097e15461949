import {
  RealtimeEvent,
  type CallCommand,
  type CommandAck,
  type LeaveCallCommand,
  type RealtimeEventType,
  type ReceiptCommand,
  type SendMessageAck,
  type SendMessageCommand,
  type SignalCommand,
  type SocketCommandName,
  type StartCallAck,
  type StartCallCommand,
  type TypingCommand,
} from '@careloop/contracts';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { io, type Socket } from 'socket.io-client';

// One Socket.IO connection to /patient for the whole app, open while any component listens. Events are hints
// that something changed; the state itself is always fetched over HTTP, and fetched again after a reconnect,
// since events sent while disconnected are lost. Use the hooks only on signed-in pages: the server checks the
// session when the connection opens, and the connection closes shortly after the last hook unmounts.

export type RealtimeStatus = 'connected' | 'disconnected';
export type RealtimeEventOf<T extends RealtimeEventType> = RealtimeEvent & { type: T };

const NAMESPACE = '/patient';
// A refused connection (signed out, server busy) is not retried by the client itself.
const RETRY_REFUSED_MS = { UNAVAILABLE: 5_000, other: 60_000 };
// Kept briefly after the last listener leaves, so moving between pages does not reconnect.
const LINGER_MS = 1_000;

let socket: Socket | null = null;
let status: RealtimeStatus = 'disconnected';
let hasConnected = false;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let closeTimer: ReturnType<typeof setTimeout> | undefined;
const statusListeners = new Set<() => void>();
const users = new Map<QueryClient, number>();

function setStatus(next: RealtimeStatus) {
  if (status === next) return;
  status = next;
  for (const listener of statusListeners) listener();
}

function refetchEverything() {
  for (const queryClient of users.keys()) {
    void queryClient.invalidateQueries();
  }
}

function open(): Socket {
  const s = io(NAMESPACE, {
    path: '/socket.io',
    withCredentials: true,
    transports: ['websocket', 'polling'],
    // Behind a proxy that does not pass WebSockets, fall back to long polling.
    tryAllTransports: true,
  });
  s.on('connect', () => {
    setStatus('connected');
    if (hasConnected) refetchEverything();
    hasConnected = true;
  });
  s.on('disconnect', () => setStatus('disconnected'));
  s.on('connect_error', (error) => {
    setStatus('disconnected');
    if (s.active) return; // a transport failure: the client reconnects with backoff on its own
    clearTimeout(retryTimer);
    const delay = error.message === 'UNAVAILABLE' ? RETRY_REFUSED_MS.UNAVAILABLE : RETRY_REFUSED_MS.other;
    retryTimer = setTimeout(() => s.connect(), delay);
  });
  return s;
}

function close() {
  clearTimeout(retryTimer);
  socket?.removeAllListeners();
  socket?.disconnect();
  socket = null;
  hasConnected = false;
  setStatus('disconnected');
}

function acquire(queryClient: QueryClient): Socket {
  clearTimeout(closeTimer);
  users.set(queryClient, (users.get(queryClient) ?? 0) + 1);
  socket ??= open();
  return socket;
}

function release(queryClient: QueryClient) {
  const left = (users.get(queryClient) ?? 1) - 1;
  if (left > 0) users.set(queryClient, left);
  else users.delete(queryClient);
  if (users.size === 0) closeTimer = setTimeout(close, LINGER_MS);
}

/**
 * Reconnects with the current session cookie: call after signing in or out, since the server checks the session
 * when the connection opens.
 */
export function resetRealtime(): void {
  if (!socket) return;
  clearTimeout(retryTimer);
  socket.disconnect();
  hasConnected = false;
  socket.connect();
}

/** Calls `handler` for each event of `type` pushed to the signed-in patient account. */
export function useRealtimeEvent<T extends RealtimeEventType>(
  type: T,
  handler: (event: RealtimeEventOf<T>) => void,
): void {
  const queryClient = useQueryClient();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  }, [handler]);
  useEffect(() => {
    const s = acquire(queryClient);
    const name: string = type;
    const listener = (payload: unknown) => {
      const parsed = RealtimeEvent.safeParse(payload);
      if (parsed.success && parsed.data.type === type) latest.current(parsed.data as RealtimeEventOf<T>);
    };
    s.on(name, listener);
    return () => {
      s.off(name, listener);
      release(queryClient);
    };
  }, [type, queryClient]);
}

function subscribeStatus(listener: () => void) {
  statusListeners.add(listener);
  return () => statusListeners.delete(listener);
}

/** Whether live updates arrive; keeps the connection open while mounted. */
export function useRealtimeStatus(): RealtimeStatus {
  const queryClient = useQueryClient();
  useEffect(() => {
    acquire(queryClient);
    return () => release(queryClient);
  }, [queryClient]);
  return useSyncExternalStore(
    subscribeStatus,
    () => status,
    () => 'disconnected',
  );
}

interface CommandPayloads {
  'consultations.message.send': SendMessageCommand;
  'consultations.receipt': ReceiptCommand;
  'consultations.typing': TypingCommand;
  'calls.start': StartCallCommand;
  'calls.join': CallCommand;
  'calls.leave': LeaveCallCommand;
  'calls.signal': SignalCommand;
}
export type CommandPayload<N extends SocketCommandName> = CommandPayloads[N];
export type CommandAckOf<N extends SocketCommandName> = N extends 'consultations.message.send'
  ? SendMessageAck
  : N extends 'calls.start'
    ? StartCallAck
    : CommandAck;

/** A command that got no answer: not sent (`offline`), or sent with no acknowledgement in time (`timeout`). */
export class CommandUnanswered extends Error {
  constructor(readonly reason: 'offline' | 'timeout') {
    super(`realtime command unanswered: ${reason}`);
    this.name = 'CommandUnanswered';
  }
}

/**
 * Sends a command over the open connection and resolves with the server's acknowledgement (`{ ok: true, ... }` or
 * `{ ok: false, problem }`). Rejects with CommandUnanswered when there is no connection (nothing is buffered for
 * later) or no answer comes within `timeoutMs`: the caller treats the command as unsent and may send it again,
 * which is why commands that store something carry the caller's own id. Needs a mounted realtime hook
 * (useRealtimeStatus or useRealtimeEvent) to keep the connection open.
 */
export async function emitCommand<N extends SocketCommandName>(
  name: N,
  payload: CommandPayload<N>,
  timeoutMs = 10_000,
): Promise<CommandAckOf<N>> {
  const s = socket;
  if (!s?.connected) throw new CommandUnanswered('offline');
  try {
    return (await s.timeout(timeoutMs).emitWithAck(name, payload)) as CommandAckOf<N>;
  } catch {
    throw new CommandUnanswered('timeout');
  }
}
