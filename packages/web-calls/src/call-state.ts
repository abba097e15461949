// The pure parts of a call, testable without a browser: who offers, what the whole call's connection looks like
// from its peers, inbound byte counts from a stats report, and the duration shown on screen.

/**
 * The perfect-negotiation roles (W3C WebRTC 1.0, §10.7 "Perfect negotiation example"): of two members, the one
 * with the lower account id is impolite (makes the first offer and wins a glare), the other polite (rolls back).
 * Both sides compute the same answer from the same two ids, so no extra signaling is needed.
 */
export function isPolite(selfId: string, peerId: string): boolean {
  return selfId > peerId;
}

/** What one peer connection reports (RTCPeerConnection.connectionState, plus whether it ever connected). */
export interface PeerSnapshot {
  readonly state: RTCPeerConnectionState;
  readonly everConnected: boolean;
}

export type CallConnection = 'waiting' | 'connecting' | 'connected' | 'reconnecting';

/**
 * The call's connection as a person sees it: waiting while nobody else is in, connecting until the first peer
 * connects, reconnecting when a peer that had connected lost its path (network change, ICE restart under way).
 */
export function callConnection(peers: readonly PeerSnapshot[]): CallConnection {
  if (peers.length === 0) return 'waiting';
  const lost = peers.some(
    (p) =>
      p.everConnected && (p.state === 'disconnected' || p.state === 'failed' || p.state === 'connecting'),
  );
  if (lost) return 'reconnecting';
  if (peers.some((p) => p.state === 'connected')) return 'connected';
  return 'connecting';
}

/** The parts of an RTCStats entry the byte counter reads. */
export interface StatsEntry {
  readonly type: string;
  readonly kind?: string;
  readonly bytesReceived?: number;
}

/** Bytes received over all inbound RTP streams of a stats report, in total and by kind. */
export function inboundBytes(report: Iterable<StatsEntry>): { total: number; audio: number; video: number } {
  const out = { total: 0, audio: 0, video: 0 };
  for (const entry of report) {
    if (entry.type !== 'inbound-rtp' || typeof entry.bytesReceived !== 'number') continue;
    out.total += entry.bytesReceived;
    if (entry.kind === 'audio') out.audio += entry.bytesReceived;
    if (entry.kind === 'video') out.video += entry.bytesReceived;
  }
  return out;
}

/** "0:07", "12:30", "1:02:03": a call's running time. */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = String(s % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** The members other than oneself, sorted: the peers a mesh call keeps one connection to each. */
export function peersOf(inCall: readonly string[], selfId: string): string[] {
  return [...new Set(inCall)].filter((id) => id !== selfId).sort();
}

/** The next camera to switch to: the one after the current in the device list, wrapping around. */
export function nextCamera(
  devices: readonly { deviceId: string; kind: string }[],
  currentId: string | undefined,
): string | null {
  const cameras = devices.filter((d) => d.kind === 'videoinput' && d.deviceId);
  if (cameras.length < 2) return null;
  const at = cameras.findIndex((d) => d.deviceId === currentId);
  return cameras[(at + 1) % cameras.length]!.deviceId;
}

/**
 * The DTLS fingerprint of a session description. A member who reloaded the page comes back with a new one: the
 * old connection to them cannot be renegotiated and is replaced.
 */
export function sdpFingerprint(sdp: string): string | null {
  const match = /^a=fingerprint:(\S+ \S+)/m.exec(sdp);
  return match ? match[1]!.toLowerCase() : null;
}
