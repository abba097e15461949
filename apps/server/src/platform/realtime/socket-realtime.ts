import type { IncomingMessage, Server as HttpServer } from 'node:http';
import { Server, type Namespace, type Socket } from 'socket.io';
import type { RealtimeEvent, RealtimeEventType } from '@careloop/contracts';
import type { Logger } from '../logging.ts';
import { AppError } from '../errors/app-error.ts';
import type { Realtime, RealtimeNamespace, RealtimeTarget } from './realtime.ts';
import { openClusterLink, type ClusterLink } from './socket-adapter.ts';
import { fastifyCookie } from '@fastify/cookie';
import { SESSION_COOKIE } from '../auth/session-store.ts';
import type { Language } from '../http/language.ts';
import {
  accountRoom,
  authenticateToken,
  orgRoom,
  requireActor,
  type SessionResolver,
  type SocketData,
} from './socket-auth.ts';
import { runCommand, type CommandAnswer, type SocketCommand } from './socket-commands.ts';

const NAMESPACES: readonly RealtimeNamespace[] = ['console', 'patient'];

type ServerEvents = Record<RealtimeEventType, (event: RealtimeEvent) => void>;
type ClientEvents = Record<string, (payload: unknown, ack?: (answer: CommandAnswer) => void) => void>;
type RealtimeServer = Server<ClientEvents, ServerEvents, Record<string, never>, SocketData>;
type RealtimeSocket = Socket<ClientEvents, ServerEvents, Record<string, never>, SocketData>;

/**
 * What a Socket.IO cluster adapter (socket.io-adapter's ClusterAdapter, which the PostgreSQL adapter extends)
 * publishes for a broadcast: the message its peers turn into a local broadcast (socket.io-adapter 2.5
 * MessageType.BROADCAST = 3; socket.io-parser PacketType.EVENT = 2).
 */
interface ClusterPublisher {
  publishAndReturnOffset(message: {
    type: typeof CLUSTER_BROADCAST;
    data: {
      packet: { type: typeof PACKET_EVENT; data: unknown[]; nsp: string };
      opts: { rooms: string[]; except: string[]; flags: Record<string, never> };
    };
  }): Promise<string>;
}
const CLUSTER_BROADCAST = 3;
const PACKET_EVENT = 2;

/** How long a connection's session is trusted before a command checks it again (sign-out, revocation). */
const SESSION_RECHECK_MS = 30_000;

export interface SocketRealtimeOptions {
  /** Redis pub/sub between processes when set; PostgreSQL LISTEN/NOTIFY on `databaseUrl` otherwise. */
  readonly redisUrl: string | undefined;
  readonly databaseUrl: string;
  /** Origins besides the request's own host that may open a socket (the public URL behind a proxy). */
  readonly allowedOrigins?: readonly string[];
  readonly log: Logger;
}

/**
 * Socket.IO for the apps: /console for staff, /patient for patients, each connection in the rooms of its
 * account (and, for staff, its organization). Events published in any process reach sockets in every process
 * through the cluster adapter, so a worker with no HTTP server publishes too.
 */
export class SocketRealtime implements Realtime {
  private readonly io: RealtimeServer;
  private readonly link: ClusterLink;
  private attached = false;
  private closed = false;
  private readonly commands = new Map<string, SocketCommand>();
  private readonly log: Logger;

  constructor(options: SocketRealtimeOptions) {
    this.link = openClusterLink(options);
    this.log = options.log;
    const allowed = new Set((options.allowedOrigins ?? []).map((o) => new URL(o).origin));
    this.io = new Server({
      path: '/socket.io',
      serveClient: false,
      adapter: this.link.adapter,
      // Commands carry chat messages (4,000 characters) and WebRTC session descriptions.
      maxHttpBufferSize: 131_072,
      allowRequest: (req, answer) => answer(null, sameOriginOrAllowed(req, allowed)),
    });
    // The default namespace carries nothing: refuse it, so only the apps' namespaces take connections.
    this.io.of('/').use((_socket, next) => next(new Error('FORBIDDEN')));
    // Created now, so that even a process that never serves sockets has the namespaces' adapters for publishing.
    for (const name of NAMESPACES) this.namespace(name);
  }

  /** Which adapter carries events between processes. */
  get adapterKind(): ClusterLink['kind'] {
    return this.link.kind;
  }

  /** Serves sockets on the HTTP server at /socket.io; connections are checked against `sessions`. */
  attach(httpServer: HttpServer, sessions: SessionResolver): void {
    if (this.attached) throw new Error('realtime is already attached to an HTTP server');
    this.attached = true;
    for (const name of NAMESPACES) {
      const nsp = this.namespace(name);
      nsp.use(requireActor(name, sessions));
      nsp.on('connection', (socket) => {
        void socket.join(socket.data.rooms);
        this.listen(name, socket, sessions);
      });
    }
    this.io.attach(httpServer);
  }

  handle(command: SocketCommand): void {
    if (this.attached) throw new Error(`command ${command.name} registered after sockets are served`);
    this.commands.set(command.name, command);
  }

  /**
   * Answers a connection's commands one at a time, in the order it sent them (so one sender's messages keep their
   * order), each with the connection's actor, re-checked against the session every SESSION_RECHECK_MS.
   */
  private listen(name: RealtimeNamespace, socket: RealtimeSocket, sessions: SessionResolver): void {
    const headers = socket.request.headers;
    const language: Language = (headers['accept-language'] ?? '').toLowerCase().startsWith('en')
      ? 'en-US'
      : 'zh-CN';
    const ip = socket.handshake.address || null;
    let queue: Promise<unknown> = Promise.resolve();
    for (const command of this.commands.values()) {
      if (!command.namespaces.includes(name)) continue;
      socket.on(command.name, (payload: unknown, ack?: (answer: CommandAnswer) => void) => {
        queue = queue.then(async () => {
          const answer = await this.answer(command, socket, sessions, payload, language, ip);
          if (typeof ack === 'function') ack(answer);
        });
      });
    }
  }

  private async answer(
    command: SocketCommand,
    socket: RealtimeSocket,
    sessions: SessionResolver,
    payload: unknown,
    language: Language,
    ip: string | null,
  ): Promise<CommandAnswer> {
    if (Date.now() - socket.data.checkedAt > SESSION_RECHECK_MS) {
      const header = socket.request.headers.cookie;
      const token = header ? fastifyCookie.parse(header)[SESSION_COOKIE] : undefined;
      const actor = token
        ? await authenticateToken(token, socket.nsp.name === '/console' ? 'console' : 'patient', sessions)
        : 'NOT_AUTHENTICATED';
      if (typeof actor === 'string') {
        socket.disconnect(true);
        return runCommand(
          { ...command, handler: () => Promise.reject(new AppError('NOT_AUTHENTICATED')) },
          { actor: socket.data.actor, ip },
          payload,
          language,
          () => undefined,
        );
      }
      socket.data.actor = actor;
      socket.data.checkedAt = Date.now();
    }
    return runCommand(command, { actor: socket.data.actor, ip }, payload, language, (error) =>
      this.log.error({ err: errorSummary(error), command: command.name }, 'socket command failed'),
    );
  }

  publish(namespace: RealtimeNamespace, target: RealtimeTarget, event: RealtimeEvent): void {
    const rooms = (target.accountIds ?? []).map(accountRoom);
    if (target.orgId) rooms.push(orgRoom(target.orgId));
    if (rooms.length === 0 || this.closed) return;
    const nsp = this.namespace(namespace);
    const cluster = nsp.adapter as unknown as Partial<ClusterPublisher>;
    if (typeof cluster.publishAndReturnOffset !== 'function') {
      // Redis: the adapter delivers locally at once and publishes without waiting.
      nsp.to(rooms).emit(event.type, event);
      return;
    }
    // PostgreSQL: the cluster adapter would wait for its NOTIFY to commit before delivering to this process's own
    // sockets, so a busy database would delay every local delivery. Deliver here first, then tell the others.
    nsp.local.to(rooms).emit(event.type, event);
    cluster
      .publishAndReturnOffset({
        type: CLUSTER_BROADCAST,
        data: {
          packet: { type: PACKET_EVENT, data: [event.type, event], nsp: nsp.name },
          opts: { rooms, except: [], flags: {} },
        },
      })
      .catch((error: unknown) =>
        this.log.warn({ err: errorSummary(error) }, 'realtime: publishing to other processes failed'),
      );
  }

  async isConnected(namespace: RealtimeNamespace, accountId: string): Promise<boolean> {
    if (this.closed) return false;
    // Asks every process through the cluster adapter (each answers for its own sockets).
    const sockets = await this.namespace(namespace).in(accountRoom(accountId)).fetchSockets();
    return sockets.length > 0;
  }

  /**
   * Drops this process's connections (clients reconnect to another process). Call before the HTTP server closes:
   * upgraded WebSocket connections would otherwise keep it open.
   */
  disconnectLocal(): void {
    for (const name of NAMESPACES) this.namespace(name).local.disconnectSockets(true);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.attached) {
      // Closes the engine and every namespace's adapter (the HTTP server is already closed by then).
      await this.io.close();
    } else {
      const names = ['/', ...NAMESPACES.map((n) => `/${n}`)];
      await Promise.allSettled(names.map(async (n) => this.io.of(n).adapter.close()));
    }
    await this.link.close();
  }

  private namespace(
    name: RealtimeNamespace,
  ): Namespace<ClientEvents, ServerEvents, Record<string, never>, SocketData> {
    return this.io.of(`/${name}`);
  }
}

/**
 * Browsers send Origin on WebSocket handshakes and cross-origin requests, and CORS does not guard WebSockets: a
 * page on another origin must not open a socket with the user's cookie. Clients that send no Origin (not
 * browsers) still need a session cookie.
 */
function sameOriginOrAllowed(req: IncomingMessage, allowed: ReadonlySet<string>): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  if (allowed.has(origin)) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/** What is safe to log of an unexpected error: its kind and message, never the payload. */
function errorSummary(error: unknown): { name: string; message: string } {
  return error instanceof Error
    ? { name: error.name, message: error.message.slice(0, 300) }
    : { name: 'unknown', message: String(error).slice(0, 300) };
}
