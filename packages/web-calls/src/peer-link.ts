import type { CallSignalData } from '@careloop/contracts';
import { isPolite, sdpFingerprint, type PeerSnapshot } from './call-state.ts';

/** How long a path may stay "disconnected" before an ICE restart (a brief Wi-Fi hiccup often recovers alone). */
const DISCONNECTED_GRACE_MS = 2_500;
/** How long a connection may take to come up before the offerer tries again (an offer lost in a reconnect). */
const CONNECT_WATCHDOG_MS = 10_000;

export interface PeerLinkOptions {
  readonly selfId: string;
  readonly peerId: string;
  readonly pc: RTCPeerConnection;
  /** Sends a signal to this peer through the app's realtime connection. */
  readonly signal: (data: CallSignalData) => void;
  /** The local tracks to send (read when they are attached, so a switched camera is picked up). */
  readonly localStream: () => MediaStream | null;
  readonly onRemoteStream: (stream: MediaStream) => void;
  readonly onChange: () => void;
  /**
   * Attach the local tracks at once and so offer first. By default the impolite side does; a member who came
   * back after a reload offers from both sides (the other still holds a connection to the old page), and a
   * connection opened for an incoming offer never does (its tracks go on the offered transceivers).
   */
  readonly offerFirst?: boolean;
}

/**
 * One RTCPeerConnection to one other member, negotiated with the perfect-negotiation pattern (W3C WebRTC 1.0
 * §10.7): either side may offer at any time; on a glare the polite side rolls back and takes the other's offer,
 * the impolite side ignores the other's. The impolite side attaches its tracks at once and so makes the first
 * offer; the polite side attaches them only when that offer arrives, so the tracks reuse the offered transceivers
 * (one audio and one video m-line, not two of each).
 */
export class PeerLink {
  readonly peerId: string;
  readonly polite: boolean;
  readonly pc: RTCPeerConnection;
  #makingOffer = false;
  #ignoreOffer = false;
  #settingRemoteAnswer = false;
  #attached = false;
  #everConnected = false;
  #closed = false;
  #graceTimer: ReturnType<typeof setTimeout> | undefined;
  #watchdog: ReturnType<typeof setTimeout> | undefined;
  readonly #options: PeerLinkOptions;

  constructor(options: PeerLinkOptions) {
    this.#options = options;
    this.peerId = options.peerId;
    this.pc = options.pc;
    this.polite = isPolite(options.selfId, options.peerId);
    const pc = this.pc;
    pc.onnegotiationneeded = () => void this.#offer();
    pc.onicecandidate = ({ candidate }) => {
      if (!candidate || !candidate.candidate) return;
      const c = candidate.toJSON();
      this.#options.signal({
        type: 'candidate',
        candidate: {
          candidate: c.candidate ?? '',
          sdpMid: c.sdpMid ?? null,
          sdpMLineIndex: c.sdpMLineIndex ?? null,
          usernameFragment: c.usernameFragment ?? null,
        },
      });
    };
    pc.ontrack = ({ track, streams }) => {
      const stream = streams[0] ?? new MediaStream([track]);
      this.#options.onRemoteStream(stream);
    };
    pc.onconnectionstatechange = () => {
      if (pc.connectionState === 'connected') {
        this.#everConnected = true;
        clearTimeout(this.#watchdog);
      }
      this.#options.onChange();
    };
    pc.oniceconnectionstatechange = () => this.#watchIce();
    if (options.offerFirst ?? !this.polite) this.attachLocal();
    this.#armWatchdog();
  }

  /** The DTLS fingerprint of the other side's current description (null before one arrived). */
  get remoteFingerprint(): string | null {
    const remote = this.pc.remoteDescription;
    return remote ? sdpFingerprint(remote.sdp) : null;
  }

  snapshot(): PeerSnapshot {
    return { state: this.pc.connectionState, everConnected: this.#everConnected };
  }

  /** Adds the local tracks once (later camera switches replace tracks in place, without renegotiating). */
  attachLocal(): void {
    if (this.#attached || this.#closed) return;
    const stream = this.#options.localStream();
    this.#attached = true;
    if (!stream) {
      // Receive-only (no camera or microphone allowed): still ask for the other side's audio and video.
      this.pc.addTransceiver('audio', { direction: 'recvonly' });
      this.pc.addTransceiver('video', { direction: 'recvonly' });
      return;
    }
    for (const track of stream.getTracks()) this.pc.addTrack(track, stream);
  }

  /** Swaps the track of one kind on its sender (camera switch, camera back on). */
  async replaceTrack(kind: 'audio' | 'video', track: MediaStreamTrack | null): Promise<void> {
    // The receiver's track kind names the transceiver's kind even while its sender has no track.
    const sending = this.pc
      .getTransceivers()
      .filter(
        (t) => t.receiver.track.kind === kind && t.direction !== 'recvonly' && t.direction !== 'stopped',
      );
    for (const t of sending) await t.sender.replaceTrack(track);
  }

  /** A new offer with fresh ICE credentials: after a network change, or when the socket came back. */
  restartIce(): void {
    if (this.#closed) return;
    this.#armWatchdog();
    if (typeof this.pc.restartIce === 'function') this.pc.restartIce();
    else void this.#offer({ iceRestart: true });
  }

  async handleSignal(data: CallSignalData): Promise<void> {
    if (this.#closed) return;
    const pc = this.pc;
    if (data.type === 'candidate') {
      try {
        await pc.addIceCandidate(data.candidate);
      } catch (error) {
        // A candidate of an offer we ignored is expected to fail; anything else is real.
        if (!this.#ignoreOffer) throw error;
      }
      return;
    }
    const readyForOffer = !this.#makingOffer && (pc.signalingState === 'stable' || this.#settingRemoteAnswer);
    const collision = data.type === 'offer' && !readyForOffer;
    this.#ignoreOffer = !this.polite && collision;
    if (this.#ignoreOffer) return;
    this.#settingRemoteAnswer = data.type === 'answer';
    await pc.setRemoteDescription({ type: data.type, sdp: data.sdp });
    this.#settingRemoteAnswer = false;
    if (data.type === 'offer') {
      this.attachLocal();
      await pc.setLocalDescription();
      const local = pc.localDescription;
      if (local) this.#options.signal({ type: 'answer', sdp: local.sdp });
    }
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    clearTimeout(this.#graceTimer);
    clearTimeout(this.#watchdog);
    this.pc.onnegotiationneeded = null;
    this.pc.onicecandidate = null;
    this.pc.ontrack = null;
    this.pc.onconnectionstatechange = null;
    this.pc.oniceconnectionstatechange = null;
    this.pc.close();
  }

  async #offer(options?: RTCOfferOptions): Promise<void> {
    if (this.#closed) return;
    try {
      this.#makingOffer = true;
      if (options) await this.pc.setLocalDescription(await this.pc.createOffer(options));
      else await this.pc.setLocalDescription();
      const local = this.pc.localDescription;
      if (local && local.type === 'offer') this.#options.signal({ type: 'offer', sdp: local.sdp });
    } finally {
      this.#makingOffer = false;
    }
  }

  #watchIce(): void {
    const state = this.pc.iceConnectionState;
    clearTimeout(this.#graceTimer);
    if (state === 'failed') this.restartIce();
    else if (state === 'disconnected')
      this.#graceTimer = setTimeout(() => {
        if (this.pc.iceConnectionState === 'disconnected') this.restartIce();
      }, DISCONNECTED_GRACE_MS);
    this.#options.onChange();
  }

  #armWatchdog(): void {
    clearTimeout(this.#watchdog);
    this.#watchdog = setTimeout(() => {
      if (this.#closed || this.pc.connectionState === 'connected') return;
      // The offerer tries again; the polite side waits for it (two restarts at once would only collide).
      if (this.polite) return this.#armWatchdog();
      const local = this.pc.localDescription;
      if (this.pc.signalingState === 'have-local-offer' && local) {
        // The offer (or its answer) was lost on the way: send it again.
        this.#options.signal({ type: 'offer', sdp: local.sdp });
        this.#armWatchdog();
      } else this.restartIce();
    }, CONNECT_WATCHDOG_MS);
  }
}
