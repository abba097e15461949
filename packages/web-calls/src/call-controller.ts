import type { CallSignalEvent, CallUpdatedEvent } from '@careloop/contracts';
import { CallSession, type CallSessionOptions, type PeerStats } from './call-session.ts';
import type { CallConnection } from './call-state.ts';

/** The app's realtime connection, as the calls need it (socket commands with acknowledgement). */
export interface CallTransport {
  start(consultationId: string, media: 'video' | 'audio'): Promise<string>;
  join(callId: string): Promise<void>;
  leave(callId: string, reason: 'hangup' | 'declined' | 'failed'): Promise<void>;
  signal(callId: string, to: string, data: CallSignalEvent['data']): Promise<void>;
}

/** A call as the server last described it. */
export type CallInfo = Omit<CallUpdatedEvent, 'type'>;

/**
 * idle: no call (or only an ended one); incoming: ringing for me; joinable: going on without me; starting /
 * joining: opening the camera and telling the server; outgoing: ringing for the others; in-call; ended.
 */
export type CallPhase =
  'idle' | 'incoming' | 'joinable' | 'starting' | 'outgoing' | 'joining' | 'in-call' | 'ended';

export interface CallSnapshot {
  readonly phase: CallPhase;
  readonly call: CallInfo | null;
  readonly connection: CallConnection;
  readonly localStream: MediaStream | null;
  readonly remotes: readonly { peerId: string; stream: MediaStream }[];
  readonly microphoneOn: boolean;
  readonly cameraOn: boolean;
  /** When this device first saw the call answered (for the running duration). */
  readonly activeSince: number | null;
  /** A problem code from the server, or 'media' when the camera and microphone could not be opened. */
  readonly error: string | null;
}

export interface CallControllerOptions {
  readonly selfId: string;
  readonly consultationId: string;
  readonly transport: CallTransport;
  readonly iceServers: () => Promise<RTCIceServer[]>;
  readonly createSession?: (options: CallSessionOptions) => CallSession;
  readonly now?: () => number;
}

const INITIAL: CallSnapshot = {
  phase: 'idle',
  call: null,
  connection: 'waiting',
  localStream: null,
  remotes: [],
  microphoneOn: true,
  cameraOn: true,
  activeSince: null,
  error: null,
};

/** An error from the transport carrying the server's problem code. */
const codeOf = (error: unknown) =>
  (typeof error === 'object' && error && 'code' in error && typeof error.code === 'string' && error.code) ||
  'UNAVAILABLE';

/**
 * One consultation's call screen, without React: the server's call state (fed in through `onCallUpdated` and
 * `onSignal`), the commands (start, answer, join, leave) and the CallSession's media, as one snapshot the UI
 * renders (`subscribe` + `getSnapshot` fit React's useSyncExternalStore).
 */
export class CallController {
  readonly #o: CallControllerOptions;
  #snapshot: CallSnapshot = INITIAL;
  #session: CallSession | null = null;
  readonly #listeners = new Set<() => void>();

  constructor(options: CallControllerOptions) {
    this.#o = options;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  getSnapshot = (): CallSnapshot => this.#snapshot;

  /** The call the screen found when it opened (GET .../call), or null. A call I am still in is rejoined. */
  adopt(call: CallInfo | null): void {
    // Events that came while the screen was loading are newer than this answer.
    if (!call || call.state === 'ended' || this.#snapshot.phase !== 'idle') return;
    this.#set({ call, phase: this.#phaseFor(call) });
    if (call.inCall.includes(this.#o.selfId)) void this.#enter(call.id, true);
  }

  async start(media: 'video' | 'audio'): Promise<void> {
    if (this.#busy()) return;
    this.#set({ ...INITIAL, phase: 'starting', microphoneOn: true, cameraOn: media === 'video' });
    try {
      await this.#openSession(media);
      const callId = await this.#o.transport.start(this.#o.consultationId, media);
      // The ringing event (even the answer) may have come before the acknowledgement.
      const call = this.#snapshot.call?.id === callId ? this.#snapshot.call : null;
      if (call && call.state !== 'ringing') {
        this.#set({ phase: 'outgoing' });
        this.onCallUpdated({ type: 'calls.call.updated', ...call });
        return;
      }
      this.#set({
        phase: 'outgoing',
        call: call ?? {
          id: callId,
          consultationId: this.#o.consultationId,
          media,
          state: 'ringing',
          startedBy: { id: this.#o.selfId, name: '' },
          inCall: [this.#o.selfId],
          endReason: null,
          at: new Date().toISOString(),
        },
      });
    } catch (error) {
      this.#teardown();
      this.#set({ phase: 'idle', error: codeOf(error) });
    }
  }

  /** Answers the ringing call, or joins one going on. */
  async answer(): Promise<void> {
    const call = this.#snapshot.call;
    if (!call || (this.#snapshot.phase !== 'incoming' && this.#snapshot.phase !== 'joinable')) return;
    await this.#enter(call.id, false);
  }

  async decline(): Promise<void> {
    const call = this.#snapshot.call;
    if (!call) return;
    this.#set({ phase: 'idle' });
    await this.#o.transport.leave(call.id, 'declined').catch(() => undefined);
  }

  async hangUp(reason: 'hangup' | 'failed' = 'hangup'): Promise<void> {
    const call = this.#snapshot.call;
    this.#teardown();
    this.#set({ phase: 'ended' });
    if (call) await this.#o.transport.leave(call.id, reason).catch(() => undefined);
  }

  onCallUpdated(event: CallUpdatedEvent): void {
    if (event.consultationId !== this.#o.consultationId) return;
    const { type: _type, ...call } = event;
    const mine = this.#snapshot.call;
    if (mine && mine.id !== call.id && this.#busy()) return;
    if (!mine && this.#snapshot.phase === 'starting' && call.startedBy.id !== this.#o.selfId) return;
    if (call.state === 'ended') {
      if (mine?.id !== call.id) return;
      this.#teardown();
      const seen = this.#inside() || this.#snapshot.phase === 'incoming' || this.#snapshot.phase === 'ended';
      this.#set({ call, phase: seen ? 'ended' : 'idle' });
      return;
    }
    const activeSince =
      call.state === 'active' ? (this.#snapshot.activeSince ?? this.#now()) : this.#snapshot.activeSince;
    if (this.#inside() && this.#session) {
      // While joining, the join's own answer sets the members (below, in #enter).
      const joining = this.#snapshot.phase === 'joining';
      this.#set({ call, activeSince, phase: joining ? 'joining' : this.#phaseFor(call) });
      if (!joining) this.#session.setMembers(call.inCall);
      return;
    }
    if (this.#snapshot.phase === 'starting') {
      this.#set({ call });
      return;
    }
    this.#set({ call, activeSince, phase: this.#phaseFor(call) });
  }

  onSignal(event: CallSignalEvent): void {
    if (event.callId !== this.#snapshot.call?.id || !this.#session) return;
    void this.#session.handleSignal(event.from, event.data);
  }

  /** The socket came back: rejoin (the server may have restarted; joining again is harmless) and renew ICE. */
  async onReconnected(): Promise<void> {
    const call = this.#snapshot.call;
    if (!call || !this.#session || !this.#inside()) return;
    await this.#o.transport.join(call.id).catch(() => undefined);
    this.#session.restartIce();
  }

  setMicrophone(on: boolean): void {
    this.#session?.setMicrophone(on);
  }

  setCamera(on: boolean): void {
    this.#session?.setCamera(on);
  }

  async switchCamera(): Promise<boolean> {
    return (await this.#session?.switchCamera()) ?? false;
  }

  async stats(): Promise<PeerStats[]> {
    return (await this.#session?.stats()) ?? [];
  }

  /** The screen closes: hang up if in a call, and let go of the camera. */
  dispose(): void {
    if (this.#inside()) void this.hangUp();
    else this.#teardown();
    this.#listeners.clear();
  }

  async #enter(callId: string, rejoining: boolean): Promise<void> {
    const media = this.#snapshot.call?.media ?? 'video';
    this.#set({ phase: 'joining', error: null });
    try {
      if (!this.#session) await this.#openSession(media);
      await this.#o.transport.join(callId);
      const call = this.#snapshot.call;
      if (this.#snapshot.phase !== 'joining' || !call) return;
      const members = call.inCall.includes(this.#o.selfId) ? call.inCall : [...call.inCall, this.#o.selfId];
      const answered = members.length >= 2;
      this.#set({
        phase: answered ? 'in-call' : 'outgoing',
        activeSince: answered ? (this.#snapshot.activeSince ?? this.#now()) : null,
        call: { ...call, inCall: members, state: answered ? 'active' : call.state },
      });
      this.#session?.setMembers(members, rejoining);
    } catch (error) {
      this.#teardown();
      this.#set({ phase: 'idle', error: codeOf(error) });
    }
  }

  async #openSession(media: 'video' | 'audio'): Promise<void> {
    const iceServers = await this.#o.iceServers();
    const create = this.#o.createSession ?? ((o: CallSessionOptions) => new CallSession(o));
    const session = create({
      selfId: this.#o.selfId,
      media,
      iceServers,
      signal: (to, data) => {
        const id = this.#snapshot.call?.id;
        if (id) void this.#o.transport.signal(id, to, data).catch(() => undefined);
      },
    });
    this.#session = session;
    session.on((event) => {
      if (this.#session !== session) return;
      switch (event.type) {
        case 'local-stream':
          this.#set({ localStream: event.stream });
          break;
        case 'remote-stream':
          this.#set({
            remotes: [
              ...this.#snapshot.remotes.filter((r) => r.peerId !== event.peerId),
              { peerId: event.peerId, stream: event.stream },
            ],
          });
          break;
        case 'remote-removed':
          this.#set({ remotes: this.#snapshot.remotes.filter((r) => r.peerId !== event.peerId) });
          break;
        case 'connection':
          this.#set({ connection: event.connection });
          break;
        case 'devices':
          this.#set({ microphoneOn: event.microphoneOn, cameraOn: event.cameraOn });
          break;
        case 'error':
          if (!this.#snapshot.localStream) this.#set({ error: 'media' });
          break;
      }
    });
    await session.acquireMedia();
  }

  #phaseFor(call: CallInfo): CallPhase {
    if (call.state === 'ended') return 'idle';
    if (call.inCall.includes(this.#o.selfId)) return call.state === 'ringing' ? 'outgoing' : 'in-call';
    return call.state === 'ringing' ? 'incoming' : 'joinable';
  }

  #inside(): boolean {
    const p = this.#snapshot.phase;
    return p === 'outgoing' || p === 'joining' || p === 'in-call';
  }

  #busy(): boolean {
    return this.#inside() || this.#snapshot.phase === 'starting';
  }

  #teardown(): void {
    this.#session?.close();
    this.#session = null;
    this.#set({ localStream: null, remotes: [], connection: 'waiting' });
  }

  #now(): number {
    return (this.#o.now ?? Date.now)();
  }

  #set(patch: Partial<CallSnapshot>): void {
    this.#snapshot = { ...this.#snapshot, ...patch };
    for (const listener of this.#listeners) listener();
  }
}
