import type { CallSignalData } from '@careloop/contracts';
import {
  callConnection,
  inboundBytes,
  nextCamera,
  peersOf,
  sdpFingerprint,
  type CallConnection,
} from './call-state.ts';
import { PeerLink } from './peer-link.ts';

export interface CallSessionOptions {
  readonly selfId: string;
  readonly media: 'video' | 'audio';
  readonly iceServers: RTCIceServer[];
  /** Sends one signal to one member through the app's realtime connection. */
  readonly signal: (to: string, data: CallSignalData) => void;
  /** For tests and unusual browsers: how to open a peer connection and get media. */
  readonly createPeerConnection?: (config: RTCConfiguration) => RTCPeerConnection;
  readonly mediaDevices?: Pick<MediaDevices, 'getUserMedia' | 'enumerateDevices'>;
}

export type CallSessionEvent =
  | { type: 'local-stream'; stream: MediaStream | null }
  | { type: 'remote-stream'; peerId: string; stream: MediaStream }
  | { type: 'remote-removed'; peerId: string }
  | { type: 'connection'; connection: CallConnection }
  | { type: 'devices'; microphoneOn: boolean; cameraOn: boolean; facing: 'user' | 'environment' | null }
  | { type: 'error'; error: unknown };

export interface PeerStats {
  peerId: string;
  connectionState: RTCPeerConnectionState;
  bytesReceived: number;
  audioBytesReceived: number;
  videoBytesReceived: number;
}

/**
 * The browser side of one call: the camera and microphone, and one RTCPeerConnection to each other member
 * (a mesh, fine for the two or three people of a consultation). It knows nothing of React or of the socket: the
 * app feeds it the members (`setMembers`) and the signals addressed to it (`handleSignal`), and sends what it
 * emits through `signal`. Events tell the UI what to show.
 */
export class CallSession {
  readonly #options: CallSessionOptions;
  readonly #links = new Map<string, PeerLink>();
  readonly #remote = new Map<string, MediaStream>();
  readonly #listeners = new Set<(event: CallSessionEvent) => void>();
  #local: MediaStream | null = null;
  #microphoneOn = true;
  #cameraOn = true;
  #facing: 'user' | 'environment' | null = null;
  #connection: CallConnection = 'waiting';
  #closed = false;

  constructor(options: CallSessionOptions) {
    this.#options = options;
  }

  on(listener: (event: CallSessionEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  get localStream(): MediaStream | null {
    return this.#local;
  }

  get connection(): CallConnection {
    return this.#connection;
  }

  /**
   * Opens the camera and microphone (the microphone only for a voice call). Without a camera it falls back to
   * the microphone, and without either to receiving only: a patient who refused the camera still sees the doctor.
   */
  async acquireMedia(): Promise<MediaStream | null> {
    let devices: Pick<MediaDevices, 'getUserMedia' | 'enumerateDevices'>;
    try {
      devices = this.#devices();
    } catch (error) {
      // Plain HTTP (not a secure context) or a browser without media devices: receive only.
      this.#emit({ type: 'error', error });
      this.#emit({ type: 'local-stream', stream: null });
      this.#emitDevices();
      return null;
    }
    const video = this.#options.media === 'video';
    const attempts: MediaStreamConstraints[] = video
      ? [
          { audio: true, video: { facingMode: 'user', width: { ideal: 640 }, height: { ideal: 480 } } },
          { audio: true },
        ]
      : [{ audio: true }];
    let lastError: unknown = null;
    for (const constraints of attempts) {
      try {
        this.#local = await devices.getUserMedia(constraints);
        break;
      } catch (error) {
        lastError = error;
      }
    }
    if (this.#closed) {
      this.#stopLocal();
      return null;
    }
    if (!this.#local && lastError) this.#emit({ type: 'error', error: lastError });
    this.#facing = this.#local?.getVideoTracks()[0] ? 'user' : null;
    this.#cameraOn = Boolean(this.#local?.getVideoTracks()[0]);
    this.#emit({ type: 'local-stream', stream: this.#local });
    this.#emitDevices();
    return this.#local;
  }

  /** The call's members now: a connection to each new one, and none to those who left. */
  setMembers(inCall: readonly string[], rejoining = false): void {
    if (this.#closed) return;
    const wanted = new Set(peersOf(inCall, this.#options.selfId));
    for (const [peerId, link] of this.#links) {
      if (wanted.has(peerId)) continue;
      link.close();
      this.#links.delete(peerId);
      if (this.#remote.delete(peerId)) this.#emit({ type: 'remote-removed', peerId });
    }
    for (const peerId of wanted) this.#link(peerId, rejoining ? true : undefined);
    this.#update();
  }

  /** A signal another member sent to us. A signal from someone not yet known opens their connection. */
  async handleSignal(from: string, data: CallSignalData): Promise<void> {
    if (this.#closed || from === this.#options.selfId) return;
    try {
      const existing = this.#links.get(from);
      const known = existing?.remoteFingerprint;
      if (existing && known && data.type === 'offer' && sdpFingerprint(data.sdp) !== known) {
        // The other side reloaded (a new DTLS identity): start over with them.
        existing.close();
        this.#links.delete(from);
        if (this.#remote.delete(from)) this.#emit({ type: 'remote-removed', peerId: from });
      }
      await this.#link(from, false).handleSignal(data);
    } catch (error) {
      this.#emit({ type: 'error', error });
    }
  }

  /** New ICE paths to every member: after the socket reconnected (the network may have changed under us). */
  restartIce(): void {
    for (const link of this.#links.values()) link.restartIce();
  }

  setMicrophone(on: boolean): void {
    for (const track of this.#local?.getAudioTracks() ?? []) track.enabled = on;
    this.#microphoneOn = on;
    this.#emitDevices();
  }

  /** Camera off sends black frames (the track stays, so turning it on again needs no renegotiation). */
  setCamera(on: boolean): void {
    for (const track of this.#local?.getVideoTracks() ?? []) track.enabled = on;
    this.#cameraOn = on && Boolean(this.#local?.getVideoTracks()[0]);
    this.#emitDevices();
  }

  /**
   * Front to back camera on a phone (facingMode), or the next camera on a computer; the new track replaces the
   * old one on every connection in place. Returns false when there is no other camera.
   */
  async switchCamera(): Promise<boolean> {
    const current = this.#local?.getVideoTracks()[0];
    if (!this.#local || !current) return false;
    const devices = this.#devices();
    const list = await devices.enumerateDevices();
    const cameras = list.filter((d) => d.kind === 'videoinput');
    let constraints: MediaTrackConstraints;
    const facing = this.#facing === 'user' ? 'environment' : 'user';
    const capabilities = typeof current.getCapabilities === 'function' ? current.getCapabilities() : {};
    if (Array.isArray(capabilities.facingMode) && capabilities.facingMode.length > 0 && cameras.length >= 2) {
      constraints = { facingMode: { exact: facing } };
    } else {
      const next = nextCamera(list, current.getSettings().deviceId);
      if (!next) return false;
      constraints = { deviceId: { exact: next } };
    }
    // Phones often allow one open camera at a time: stop the old one first.
    current.stop();
    let track: MediaStreamTrack | undefined;
    try {
      track = (await devices.getUserMedia({ video: constraints })).getVideoTracks()[0];
    } catch (error) {
      this.#emit({ type: 'error', error });
      track = (await devices.getUserMedia({ video: true }).catch(() => null))?.getVideoTracks()[0];
    }
    if (!track) return false;
    track.enabled = this.#cameraOn;
    this.#local.removeTrack(current);
    this.#local.addTrack(track);
    if ('facingMode' in constraints) this.#facing = facing;
    for (const link of this.#links.values()) await link.replaceTrack('video', track);
    this.#emit({ type: 'local-stream', stream: this.#local });
    this.#emitDevices();
    return true;
  }

  /** Bytes received from each member so far (inbound RTP, all streams): the tests watch these grow. */
  async stats(): Promise<PeerStats[]> {
    const out: PeerStats[] = [];
    for (const [peerId, link] of this.#links) {
      const report = await link.pc.getStats();
      const bytes = inboundBytes(report.values() as Iterable<{ type: string }>);
      out.push({
        peerId,
        connectionState: link.pc.connectionState,
        bytesReceived: bytes.total,
        audioBytesReceived: bytes.audio,
        videoBytesReceived: bytes.video,
      });
    }
    return out;
  }

  /** Ends everything: connections closed, camera and microphone released. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const link of this.#links.values()) link.close();
    this.#links.clear();
    for (const peerId of this.#remote.keys()) this.#emit({ type: 'remote-removed', peerId });
    this.#remote.clear();
    this.#stopLocal();
    this.#emit({ type: 'local-stream', stream: null });
    this.#listeners.clear();
  }

  #link(peerId: string, offerFirst?: boolean): PeerLink {
    const existing = this.#links.get(peerId);
    if (existing) return existing;
    const create =
      this.#options.createPeerConnection ?? ((config: RTCConfiguration) => new RTCPeerConnection(config));
    const link = new PeerLink({
      selfId: this.#options.selfId,
      peerId,
      pc: create({ iceServers: this.#options.iceServers }),
      signal: (data) => this.#options.signal(peerId, data),
      localStream: () => this.#local,
      onRemoteStream: (stream) => {
        this.#remote.set(peerId, stream);
        this.#emit({ type: 'remote-stream', peerId, stream });
      },
      onChange: () => this.#update(),
      ...(offerFirst === undefined ? {} : { offerFirst }),
    });
    this.#links.set(peerId, link);
    return link;
  }

  #update(): void {
    const next = callConnection([...this.#links.values()].map((l) => l.snapshot()));
    if (next === this.#connection) return;
    this.#connection = next;
    this.#emit({ type: 'connection', connection: next });
  }

  #devices(): Pick<MediaDevices, 'getUserMedia' | 'enumerateDevices'> {
    const devices = this.#options.mediaDevices ?? globalThis.navigator?.mediaDevices;
    if (!devices) throw new Error('this browser has no camera or microphone access (mediaDevices)');
    return devices;
  }

  #stopLocal(): void {
    for (const track of this.#local?.getTracks() ?? []) track.stop();
    this.#local = null;
  }

  #emitDevices(): void {
    this.#emit({
      type: 'devices',
      microphoneOn: this.#microphoneOn && Boolean(this.#local?.getAudioTracks()[0]),
      cameraOn: this.#cameraOn,
      facing: this.#facing,
    });
  }

  #emit(event: CallSessionEvent): void {
    for (const listener of this.#listeners) listener(event);
  }
}
