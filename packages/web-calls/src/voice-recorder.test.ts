import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  VOICE_MAX_BYTES,
  VOICE_MAX_MS,
  VoiceRecorder,
  checkVoiceNote,
  microphoneProblem,
  pickVoiceMimeType,
  voiceBlobType,
  voiceDuration,
  voiceFileName,
  type VoiceNote,
  type VoiceRecorderEnv,
} from './voice-recorder.ts';

describe('voice note rules', () => {
  it('picks the first type the browser records, in the order of preference', () => {
    expect(pickVoiceMimeType(() => true)).toBe('audio/webm;codecs=opus');
    // Safari: MP4 only.
    expect(pickVoiceMimeType((t) => t === 'audio/mp4' || t === 'audio/aac')).toBe('audio/mp4');
    // Firefox without WebM recording.
    expect(pickVoiceMimeType((t) => t.startsWith('audio/ogg'))).toBe('audio/ogg;codecs=opus');
    expect(pickVoiceMimeType(() => false)).toBeUndefined();
    expect(pickVoiceMimeType(undefined)).toBeUndefined();
    // A browser that throws on a type it does not know: that type is skipped.
    expect(
      pickVoiceMimeType((t) => {
        if (t.includes('webm')) throw new Error('unknown');
        return true;
      }),
    ).toBe('audio/ogg;codecs=opus');
  });

  it('has no MediaRecorder under Node, so no type', () => {
    expect(pickVoiceMimeType()).toBeUndefined();
  });

  it('names the file and the blob type after the container', () => {
    expect(voiceFileName('audio/webm;codecs=opus')).toBe('voice.webm');
    expect(voiceFileName('audio/ogg; codecs=opus')).toBe('voice.ogg');
    expect(voiceFileName('audio/mp4;codecs=mp4a.40.2')).toBe('voice.m4a');
    expect(voiceFileName('audio/aac')).toBe('voice.m4a');
    expect(voiceBlobType('audio/webm;codecs=opus')).toBe('audio/webm');
    expect(voiceBlobType('audio/ogg; codecs=opus')).toBe('audio/ogg');
    expect(voiceBlobType('audio/mp4')).toBe('audio/mp4');
  });

  it('sends a length the server takes: whole ms, more than 0, at most two minutes', () => {
    expect(VOICE_MAX_MS).toBe(120_000);
    expect(voiceDuration(1234.6)).toBe(1235);
    expect(voiceDuration(0)).toBe(1);
    expect(voiceDuration(-5)).toBe(1);
    expect(voiceDuration(120_250)).toBe(120_000);
    expect(voiceDuration(Number.NaN)).toBe(120_000);
    expect(voiceDuration(9_000, 5_000)).toBe(5_000);
  });

  it('refuses what the server would: empty, over 5 MB, over two minutes', () => {
    expect(checkVoiceNote({ size: 20_000, durationMs: 3_000 })).toBeNull();
    expect(checkVoiceNote({ size: VOICE_MAX_BYTES, durationMs: VOICE_MAX_MS })).toBeNull();
    expect(checkVoiceNote({ size: 0, durationMs: 3_000 })).toEqual({ code: 'empty' });
    expect(checkVoiceNote({ size: VOICE_MAX_BYTES + 1, durationMs: 3_000 })).toEqual({
      code: 'too_large',
      maxBytes: 5 * 1024 * 1024,
    });
    expect(checkVoiceNote({ size: 10, durationMs: VOICE_MAX_MS + 1 })).toEqual({
      code: 'too_long',
      maxMs: VOICE_MAX_MS,
    });
  });

  it('tells a refused permission from a missing microphone and from a browser that cannot', () => {
    const error = (name: string) => Object.assign(new Error(name), { name });
    expect(microphoneProblem(error('NotAllowedError'))).toBe('denied');
    expect(microphoneProblem(error('SecurityError'))).toBe('denied');
    expect(microphoneProblem(error('PermissionDeniedError'))).toBe('denied');
    expect(microphoneProblem(error('NotFoundError'))).toBe('unavailable');
    expect(microphoneProblem(error('NotReadableError'))).toBe('unavailable');
    expect(microphoneProblem(error('NotSupportedError'))).toBe('unsupported');
    expect(microphoneProblem(new TypeError('getUserMedia is not a function'))).toBe('unsupported');
    expect(microphoneProblem('weird')).toBe('unsupported');
  });
});

/** The parts of a MediaStream and MediaRecorder the recorder touches. */
class FakeTrack {
  stopped = false;
  stop() {
    this.stopped = true;
  }
}

class FakeRecorder {
  state: 'inactive' | 'recording' = 'inactive';
  mimeType: string;
  ondataavailable: ((event: { data: Blob }) => void) | null = null;
  onstop: (() => void) | null = null;
  constructor(mimeType: string) {
    this.mimeType = mimeType;
  }
  start() {
    this.state = 'recording';
  }
  /** A browser hands over the last data and then fires stop, after the call returns. */
  stop() {
    this.state = 'inactive';
    queueMicrotask(() => {
      this.ondataavailable?.({ data: new Blob(['abc']) });
      this.onstop?.();
    });
  }
}

function setup(overrides: Partial<VoiceRecorderEnv> = {}) {
  let now = 1_000;
  const tracks: FakeTrack[] = [];
  const recorders: FakeRecorder[] = [];
  const notes: VoiceNote[] = [];
  const env: Partial<VoiceRecorderEnv> = {
    isTypeSupported: (t) => t === 'audio/webm;codecs=opus',
    getUserMedia: async () => {
      const track = new FakeTrack();
      tracks.push(track);
      return { getTracks: () => [track] } as unknown as MediaStream;
    },
    createRecorder: (_stream, mimeType) => {
      const r = new FakeRecorder(mimeType);
      recorders.push(r);
      return r as unknown as MediaRecorder;
    },
    now: () => now,
    ...overrides,
  };
  const recorder = new VoiceRecorder({ onNote: (n) => notes.push(n), env });
  return {
    recorder,
    tracks,
    recorders,
    notes,
    advance: async (ms: number) => {
      now += ms;
      await vi.advanceTimersByTimeAsync(ms);
    },
  };
}

describe('VoiceRecorder', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('records, shows the running time, and hands over the note on stop, freeing the microphone', async () => {
    const { recorder, tracks, notes, advance } = setup();
    expect(recorder.getSnapshot()).toEqual({ phase: 'idle' });
    await recorder.start();
    expect(recorder.getSnapshot()).toEqual({ phase: 'recording', elapsedMs: 0 });
    await advance(3_000);
    expect(recorder.getSnapshot()).toEqual({ phase: 'recording', elapsedMs: 3_000 });
    recorder.stop();
    await vi.runAllTimersAsync();
    expect(recorder.getSnapshot()).toEqual({ phase: 'idle' });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ durationMs: 3_000, name: 'voice.webm' });
    expect(notes[0]?.blob.type).toBe('audio/webm');
    expect(tracks.every((t) => t.stopped)).toBe(true);
  });

  it('stops by itself at two minutes and keeps the note', async () => {
    const { recorder, notes, advance } = setup();
    await recorder.start();
    await advance(VOICE_MAX_MS + 250);
    expect(recorder.getSnapshot()).toEqual({ phase: 'idle' });
    expect(notes.map((n) => n.durationMs)).toEqual([VOICE_MAX_MS]);
  });

  it('drops the note on cancel and frees the microphone at once', async () => {
    const { recorder, tracks, notes, advance } = setup();
    await recorder.start();
    await advance(1_000);
    recorder.cancel();
    expect(recorder.getSnapshot()).toEqual({ phase: 'idle' });
    expect(tracks[0]?.stopped).toBe(true);
    await vi.runAllTimersAsync();
    expect(notes).toEqual([]);
  });

  it('closes a microphone that opens after the request was cancelled', async () => {
    let open: (s: MediaStream) => void = () => undefined;
    const track = new FakeTrack();
    const { recorder, recorders } = setup({
      getUserMedia: () =>
        new Promise<MediaStream>((resolve) => {
          open = resolve;
        }),
    });
    const started = recorder.start();
    expect(recorder.getSnapshot()).toEqual({ phase: 'starting' });
    recorder.cancel();
    open({ getTracks: () => [track] } as unknown as MediaStream);
    await started;
    expect(track.stopped).toBe(true);
    expect(recorders).toEqual([]);
    expect(recorder.getSnapshot()).toEqual({ phase: 'idle' });
  });

  it('says denied when permission is refused, unsupported when the browser cannot record', async () => {
    const denied = setup({
      getUserMedia: () => Promise.reject(Object.assign(new Error('no'), { name: 'NotAllowedError' })),
    });
    await denied.recorder.start();
    expect(denied.recorder.getSnapshot()).toEqual({ phase: 'denied' });

    const none = setup({
      getUserMedia: () => Promise.reject(Object.assign(new Error('no'), { name: 'NotFoundError' })),
    });
    await none.recorder.start();
    expect(none.recorder.getSnapshot()).toEqual({ phase: 'unavailable' });

    const old = setup({ isTypeSupported: () => false });
    expect(old.recorder.supported).toBe(false);
    expect(old.recorder.getSnapshot()).toEqual({ phase: 'unsupported' });
    await old.recorder.start();
    expect(old.recorder.getSnapshot()).toEqual({ phase: 'unsupported' });

    const noDevices = setup({ getUserMedia: undefined });
    expect(noDevices.recorder.getSnapshot()).toEqual({ phase: 'unsupported' });
  });

  it('tells subscribers of each change and nothing after dispose', async () => {
    const { recorder, notes } = setup();
    const seen: string[] = [];
    recorder.subscribe(() => seen.push(recorder.getSnapshot().phase));
    await recorder.start();
    recorder.dispose();
    await vi.runAllTimersAsync();
    expect(seen).toEqual(['starting', 'recording', 'idle']);
    expect(notes).toEqual([]);
    await recorder.start();
    expect(seen).toHaveLength(3);
  });
});
