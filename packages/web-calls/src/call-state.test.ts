import { describe, expect, it } from 'vitest';
import {
  callConnection,
  formatDuration,
  inboundBytes,
  isPolite,
  nextCamera,
  peersOf,
  sdpFingerprint,
} from './call-state.ts';

describe('negotiation roles', () => {
  const a = '0190a000-0000-7000-8000-000000000001';
  const b = '0190a000-0000-7000-8000-000000000002';

  it('makes exactly one of two members polite, and both agree which', () => {
    expect(isPolite(a, b)).not.toBe(isPolite(b, a));
    expect(isPolite(b, a)).toBe(true);
    expect(isPolite(a, b)).toBe(false);
  });

  it('connects to every other member once, in a stable order', () => {
    expect(peersOf([b, a, b, 'c'], a)).toEqual([b, 'c']);
    expect(peersOf([a], a)).toEqual([]);
  });
});

describe('the call connection from its peers', () => {
  it.each([
    [[], 'waiting'],
    [[{ state: 'new', everConnected: false }], 'connecting'],
    [[{ state: 'connecting', everConnected: false }], 'connecting'],
    [[{ state: 'connected', everConnected: true }], 'connected'],
    [[{ state: 'disconnected', everConnected: true }], 'reconnecting'],
    [[{ state: 'failed', everConnected: true }], 'reconnecting'],
    // An ICE restart after a network change goes back through "connecting".
    [[{ state: 'connecting', everConnected: true }], 'reconnecting'],
    [
      [
        { state: 'connected', everConnected: true },
        { state: 'connecting', everConnected: false },
      ],
      'connected',
    ],
    [
      [
        { state: 'connected', everConnected: true },
        { state: 'disconnected', everConnected: true },
      ],
      'reconnecting',
    ],
  ] as const)('%j -> %s', (peers, expected) => {
    expect(callConnection(peers)).toBe(expected);
  });
});

describe('stats', () => {
  it('adds up inbound RTP bytes by kind and ignores everything else', () => {
    expect(
      inboundBytes([
        { type: 'inbound-rtp', kind: 'audio', bytesReceived: 1200 },
        { type: 'inbound-rtp', kind: 'video', bytesReceived: 50_000 },
        { type: 'outbound-rtp', kind: 'video', bytesReceived: 999 },
        { type: 'candidate-pair' },
        { type: 'inbound-rtp', kind: 'video' },
      ]),
    ).toEqual({ total: 51_200, audio: 1200, video: 50_000 });
  });
});

describe('durations', () => {
  it.each([
    [0, '0:00'],
    [7, '0:07'],
    [750, '12:30'],
    [3723, '1:02:03'],
    [-5, '0:00'],
  ])('%d s -> %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});

describe('camera switching', () => {
  const devices = [
    { kind: 'audioinput', deviceId: 'mic' },
    { kind: 'videoinput', deviceId: 'front' },
    { kind: 'videoinput', deviceId: 'back' },
  ];
  it('goes to the next camera and wraps around', () => {
    expect(nextCamera(devices, 'front')).toBe('back');
    expect(nextCamera(devices, 'back')).toBe('front');
    expect(nextCamera(devices, undefined)).toBe('front');
  });
  it('has nowhere to go with one camera', () => {
    expect(nextCamera(devices.slice(0, 2), 'front')).toBeNull();
  });
});

describe('fingerprints', () => {
  it('reads the DTLS fingerprint of a description', () => {
    const sdp = 'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\na=fingerprint:sha-256 AB:CD:EF\r\na=setup:actpass\r\n';
    expect(sdpFingerprint(sdp)).toBe('sha-256 ab:cd:ef');
    expect(sdpFingerprint('v=0\r\n')).toBeNull();
  });
});
