// A chat client as the apps are one, from Node, for the consultation reliability test: a real Socket.IO
// connection with the session cookie, an outbox whose unacknowledged messages are sent again (same client id,
// same order) after every reconnect, and a catch-up over HTTP from the last message it holds without a gap.
import { io, type Socket } from 'socket.io-client';
import type { ConsultationMessage, SendMessageAck } from '@careloop/contracts';

export interface ChatClientOptions {
  readonly name: string;
  readonly namespace: 'patient' | 'console';
  readonly cookie: string;
  readonly consultationId: string;
  /** Where the server is now (null while it is down); asked again on every reconnect attempt. */
  readonly serverUrl: () => string | null;
  /** Sends at most this many before the first of them is acknowledged. */
  readonly window: number;
}

interface Pending {
  readonly clientId: string;
  readonly body: string;
  /** Emitted on the current connection (cleared when it drops). */
  emitted: boolean;
}

const RETRY_MS = 100;

export class ChatClient {
  /** Every message this client holds (from acks, pushed events and catch-ups), by number. */
  readonly messages = new Map<number, ConsultationMessage>();
  /** Client ids in the order this client queued them. */
  readonly queued: string[] = [];
  /** Anything the server refused or that did not add up (a stored message changing under the same number). */
  readonly problems: string[] = [];
  connections = 0;
  /** Sends of a message that had been emitted on a connection that then dropped. */
  resent = 0;
  catchUps = 0;

  #outbox: Pending[] = [];
  #socket: Socket | null = null;
  #closed = false;
  #connecting: Promise<void> | null = null;
  #everEmitted = new Set<string>();

  constructor(private readonly options: ChatClientOptions) {}

  get outboxSize(): number {
    return this.#outbox.length;
  }

  get connected(): boolean {
    return this.#socket?.connected ?? false;
  }

  /** Numbers of the messages held, ascending. */
  seqs(): number[] {
    return [...this.messages.keys()].sort((a, b) => a - b);
  }

  /** The highest number up to which this client holds every message (numbers have no gaps in the database). */
  contiguous(): number {
    let n = 0;
    while (this.messages.has(n + 1)) n++;
    return n;
  }

  /** Puts messages in the outbox and sends what the window allows. */
  queue(count: number): void {
    for (let i = 0; i < count; i++) {
      const clientId = `${this.options.name}-${String(this.queued.length).padStart(5, '0')}`;
      this.queued.push(clientId);
      this.#outbox.push({ clientId, body: `${this.options.name} #${this.queued.length}`, emitted: false });
    }
    this.#pump();
  }

  /** Connects now, and again whenever the connection drops, until closed. */
  start(): Promise<void> {
    return (this.#connecting ??= this.#connectLoop());
  }

  close(): void {
    this.#closed = true;
    this.#socket?.close();
    this.#socket = null;
  }

  /** Fetches everything after the last message held without a gap, until the server has no more. */
  async catchUp(): Promise<void> {
    const url = this.options.serverUrl();
    if (!url) throw new Error('no server');
    for (;;) {
      const after = this.contiguous();
      const res = await fetch(
        `${url}/api/v1/consultations/${this.options.consultationId}/messages?after=${after}&limit=500`,
        { headers: { cookie: this.options.cookie } },
      );
      if (!res.ok) throw new Error(`catch-up answered ${res.status}`);
      const page = (await res.json()) as { items: ConsultationMessage[]; hasMore: boolean };
      for (const m of page.items) this.#hold(m);
      this.catchUps++;
      if (!page.hasMore) return;
    }
  }

  async #connectLoop(): Promise<void> {
    while (!this.#closed) {
      const url = this.options.serverUrl();
      if (url && (await this.#connectOnce(url))) {
        try {
          await this.catchUp();
        } catch {
          // The server went away again: the disconnect restarts the loop.
        }
        this.#pump();
        return;
      }
      await new Promise((r) => setTimeout(r, RETRY_MS));
    }
  }

  #connectOnce(url: string): Promise<boolean> {
    const socket = io(`${url}/${this.options.namespace}`, {
      path: '/socket.io',
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      extraHeaders: { cookie: this.options.cookie },
    });
    return new Promise((resolve) => {
      socket.once('connect', () => {
        this.#socket = socket;
        this.connections++;
        socket.on(
          'consultations.message.created',
          (event: { consultationId: string; message: ConsultationMessage }) => {
            if (event.consultationId === this.options.consultationId) this.#hold(event.message);
          },
        );
        socket.once('disconnect', () => {
          if (this.#socket !== socket) return;
          this.#socket = null;
          // Whatever was unacknowledged waits in the outbox, to be sent again on the next connection.
          for (const p of this.#outbox) p.emitted = false;
          socket.close();
          this.#connecting = null;
          if (!this.#closed) void this.start();
        });
        resolve(true);
      });
      socket.once('connect_error', () => {
        socket.close();
        resolve(false);
      });
    });
  }

  /** Emits the outbox's next messages in order, at most `window` unacknowledged. */
  #pump(): void {
    const socket = this.#socket;
    if (!socket?.connected) return;
    let inFlight = this.#outbox.filter((p) => p.emitted).length;
    for (const p of this.#outbox) {
      if (inFlight >= this.options.window) break;
      if (p.emitted) continue;
      p.emitted = true;
      inFlight++;
      if (this.#everEmitted.has(p.clientId)) this.resent++;
      this.#everEmitted.add(p.clientId);
      socket.emit(
        'consultations.message.send',
        { consultationId: this.options.consultationId, clientId: p.clientId, kind: 'text', body: p.body },
        (ack: SendMessageAck) => this.#acked(socket, p, ack),
      );
    }
  }

  #acked(socket: Socket, p: Pending, ack: SendMessageAck): void {
    if (!ack.ok) {
      this.problems.push(`${p.clientId}: ${ack.problem.code}`);
      // A refusal (a rate limit, say) is left in the outbox and tried again on the next pump.
      p.emitted = false;
      setTimeout(() => this.#pump(), RETRY_MS);
      return;
    }
    if (ack.message.clientId !== p.clientId)
      this.problems.push(`${p.clientId}: ack for ${ack.message.clientId}`);
    this.#hold(ack.message);
    this.#outbox = this.#outbox.filter((x) => x !== p);
    if (this.#socket === socket) this.#pump();
  }

  #hold(m: ConsultationMessage): void {
    const held = this.messages.get(m.seq);
    if (held && (held.id !== m.id || held.clientId !== m.clientId))
      this.problems.push(`seq ${m.seq} was ${held.clientId} (${held.id}), now ${m.clientId} (${m.id})`);
    this.messages.set(m.seq, m);
  }
}
