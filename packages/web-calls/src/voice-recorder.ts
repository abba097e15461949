// Voice notes for the consultation chat, without React: a MediaRecorder wrapper (the type the browser can record,
// start / stop / cancel, the running time, a stop at the server's two-minute limit) and the pure rules beside it.

/** The server takes voice notes up to two minutes and 5 MB (the consultations attachments API). */
export const VOICE_MAX_MS = 120_000;
export const VOICE_MAX_BYTES = 5 * 1024 * 1024;

/**
 * Recording types in order of preference; each is one the server recognises by its bytes (WebM, Ogg, MP4, AAC).
 * Chromium and Firefox record WebM/Ogg Opus, Safari MP4/AAC.
 */
export const VOICE_MIME_TYPES: readonly string[] = [
  'audio/webm;codecs=opus',
  'audio/webm',
  'audio/ogg;codecs=opus',
  'audio/mp4',
  'audio/aac',
];

/** The first type `isTypeSupported` accepts (MediaRecorder.isTypeSupported in a browser), if any. */
export function pickVoiceMimeType(
  isTypeSupported: ((type: string) => boolean) | undefined = browserIsTypeSupported(),
): string | undefined {
  if (!isTypeSupported) return undefined;
  return VOICE_MIME_TYPES.find((type) => {
    try {
      return isTypeSupported(type);
    } catch {
      return false;
    }
  });
}

function browserIsTypeSupported(): ((type: string) => boolean) | undefined {
  if (typeof MediaRecorder === 'undefined' || typeof MediaRecorder.isTypeSupported !== 'function')
    return undefined;
  return (type) => MediaRecorder.isTypeSupported(type);
}

/** The type a recording's Blob carries: the container without its codec parameters ("audio/webm"). */
export function voiceBlobType(mimeType: string): string {
  return mimeType.split(';')[0]?.trim() || mimeType;
}

/** A file name whose extension matches the recorded container. */
export function voiceFileName(mimeType: string): string {
  const type = mimeType.toLowerCase();
  if (type.includes('ogg')) return 'voice.ogg';
  if (type.includes('mp4') || type.includes('aac')) return 'voice.m4a';
  return 'voice.webm';
}

/** The length a note is sent with: whole milliseconds, at least 1 (the server wants > 0), at most the limit. */
export function voiceDuration(elapsedMs: number, maxMs = VOICE_MAX_MS): number {
  if (!Number.isFinite(elapsedMs)) return maxMs;
  return Math.min(Math.max(Math.round(elapsedMs), 1), maxMs);
}

export type VoiceNoteProblem =
  { code: 'empty' } | { code: 'too_large'; maxBytes: number } | { code: 'too_long'; maxMs: number };

/** Whether the server would refuse a note for its size or length (checked before it goes up). */
export function checkVoiceNote(note: { size: number; durationMs: number }): VoiceNoteProblem | null {
  if (note.size <= 0) return { code: 'empty' };
  if (note.size > VOICE_MAX_BYTES) return { code: 'too_large', maxBytes: VOICE_MAX_BYTES };
  if (note.durationMs > VOICE_MAX_MS) return { code: 'too_long', maxMs: VOICE_MAX_MS };
  return null;
}

/**
 * Why the microphone could not be opened, from getUserMedia's error: `denied` (the person or the browser's policy
 * said no: allow it in the settings), `unavailable` (no microphone, or another program holds it), or
 * `unsupported` (this browser or page cannot record: no API, an insecure origin).
 */
export type MicrophoneProblem = 'denied' | 'unavailable' | 'unsupported';

export function microphoneProblem(error: unknown): MicrophoneProblem {
  const name =
    typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string'
      ? error.name
      : '';
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return 'denied';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
    case 'OverconstrainedError':
      return 'unavailable';
    default:
      return 'unsupported';
  }
}

export interface VoiceNote {
  readonly blob: Blob;
  readonly durationMs: number;
  readonly name: string;
}

/**
 * idle: ready (again); starting: asking for the microphone; recording, with the time so far; denied / unavailable /
 * unsupported: the last start could not open the microphone (start may be tried again, except when unsupported).
 */
export type VoiceRecorderState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'starting' }
  | { readonly phase: 'recording'; readonly elapsedMs: number }
  | { readonly phase: 'denied' }
  | { readonly phase: 'unavailable' }
  | { readonly phase: 'unsupported' };

/** The browser pieces the recorder uses; tests pass fakes. */
export interface VoiceRecorderEnv {
  getUserMedia: ((constraints: MediaStreamConstraints) => Promise<MediaStream>) | undefined;
  createRecorder: (stream: MediaStream, mimeType: string) => MediaRecorder;
  isTypeSupported: ((type: string) => boolean) | undefined;
  now: () => number;
}

export interface VoiceRecorderOptions {
  /** Called with each kept note (stopped by the person or at the limit; never after cancel or dispose). */
  readonly onNote: (note: VoiceNote) => void;
  readonly maxMs?: number;
  /** How often the running time is renewed. */
  readonly tickMs?: number;
  readonly env?: Partial<VoiceRecorderEnv>;
}

function browserEnv(): VoiceRecorderEnv {
  const devices = typeof navigator !== 'undefined' ? navigator.mediaDevices : undefined;
  return {
    getUserMedia: devices?.getUserMedia ? (c) => devices.getUserMedia(c) : undefined,
    createRecorder: (stream, mimeType) => new MediaRecorder(stream, { mimeType }),
    isTypeSupported: browserIsTypeSupported(),
    now: () => Date.now(),
  };
}

/**
 * One voice note at a time: `start()` asks for the microphone and records; `stop()` ends it and hands the note to
 * `onNote`; `cancel()` drops it. It stops by itself at the limit. The microphone is released as soon as recording
 * ends. State for a UI through `subscribe` + `getSnapshot` (they fit React's useSyncExternalStore).
 */
export class VoiceRecorder {
  readonly #onNote: (note: VoiceNote) => void;
  readonly #maxMs: number;
  readonly #tickMs: number;
  readonly #env: VoiceRecorderEnv;
  readonly #listeners = new Set<() => void>();
  #state: VoiceRecorderState;
  #recorder: MediaRecorder | null = null;
  #stream: MediaStream | null = null;
  #ticker: ReturnType<typeof setInterval> | undefined;
  /** Renewed by every start, cancel and dispose: a microphone that opens for an older start is closed at once. */
  #attempt = 0;
  #disposed = false;

  constructor(options: VoiceRecorderOptions) {
    this.#onNote = options.onNote;
    this.#maxMs = options.maxMs ?? VOICE_MAX_MS;
    this.#tickMs = options.tickMs ?? 250;
    this.#env = { ...browserEnv(), ...options.env };
    this.#state = this.supported ? { phase: 'idle' } : { phase: 'unsupported' };
  }

  /** Whether this browser can record a type the server takes. */
  get supported(): boolean {
    return this.#env.getUserMedia !== undefined && this.#mimeType() !== undefined;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  getSnapshot = (): VoiceRecorderState => this.#state;

  #set(state: VoiceRecorderState): void {
    this.#state = state;
    for (const listener of [...this.#listeners]) listener();
  }

  #mimeType(): string | undefined {
    return pickVoiceMimeType(this.#env.isTypeSupported);
  }

  /** Asks for the microphone and starts recording; does nothing while starting or recording. */
  async start(): Promise<void> {
    if (this.#disposed || this.#state.phase === 'starting' || this.#state.phase === 'recording') return;
    const mimeType = this.#mimeType();
    const getUserMedia = this.#env.getUserMedia;
    if (!mimeType || !getUserMedia) return this.#set({ phase: 'unsupported' });
    const attempt = ++this.#attempt;
    this.#set({ phase: 'starting' });
    let stream: MediaStream;
    try {
      stream = await getUserMedia({ audio: true });
    } catch (error) {
      if (attempt === this.#attempt) this.#set({ phase: microphoneProblem(error) });
      return;
    }
    if (attempt !== this.#attempt) return stopTracks(stream);

    let recorder: MediaRecorder;
    try {
      recorder = this.#env.createRecorder(stream, mimeType);
    } catch {
      stopTracks(stream);
      return this.#set({ phase: 'unsupported' });
    }
    const chunks: Blob[] = [];
    const startedAt = this.#env.now();
    recorder.ondataavailable = (event) => {
      if (event.data.size > 0) chunks.push(event.data);
    };
    recorder.onstop = () => {
      // A cancel (or dispose) since this start renewed the attempt: the note is dropped.
      const keep = attempt === this.#attempt;
      const durationMs = voiceDuration(this.#env.now() - startedAt, this.#maxMs);
      const type = recorder.mimeType || mimeType;
      if (this.#recorder === recorder) this.#release();
      else stopTracks(stream);
      if (!keep || chunks.length === 0) return;
      const blob = new Blob(chunks, { type: voiceBlobType(type) });
      this.#onNote({ blob, durationMs, name: voiceFileName(type) });
    };
    this.#stream = stream;
    this.#recorder = recorder;
    try {
      recorder.start(this.#tickMs);
    } catch {
      this.#release();
      return this.#set({ phase: 'unsupported' });
    }
    this.#set({ phase: 'recording', elapsedMs: 0 });
    this.#ticker = setInterval(() => {
      const elapsedMs = this.#env.now() - startedAt;
      if (elapsedMs >= this.#maxMs) this.stop();
      else this.#set({ phase: 'recording', elapsedMs });
    }, this.#tickMs);
  }

  /** Ends the recording; the note goes to `onNote` once the recorder has handed over its last data. */
  stop(): void {
    const recorder = this.#recorder;
    if (!recorder) return;
    clearInterval(this.#ticker);
    if (recorder.state !== 'inactive') recorder.stop();
    else this.#release();
  }

  /** Drops the recording (or the microphone request under way) and frees the microphone. */
  cancel(): void {
    this.#attempt++;
    const recorder = this.#recorder;
    if (recorder && recorder.state !== 'inactive') recorder.stop();
    this.#release();
    if (!this.#disposed && this.#state.phase !== 'idle' && this.#state.phase !== 'unsupported')
      this.#set({ phase: 'idle' });
  }

  /** Cancels whatever is under way and stops reporting (the page or composer went away). */
  dispose(): void {
    this.cancel();
    this.#disposed = true;
    this.#listeners.clear();
  }

  #release(): void {
    clearInterval(this.#ticker);
    this.#ticker = undefined;
    if (this.#stream) stopTracks(this.#stream);
    this.#stream = null;
    this.#recorder = null;
    if (!this.#disposed && (this.#state.phase === 'recording' || this.#state.phase === 'starting'))
      this.#set({ phase: 'idle' });
  }
}

function stopTracks(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}
