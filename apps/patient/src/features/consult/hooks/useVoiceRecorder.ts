import { VoiceRecorder, type VoiceNote, type VoiceRecorderState } from '@careloop/web-calls';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';

export { VOICE_MAX_MS, type VoiceNote } from '@careloop/web-calls';

export type RecorderState =
  | { phase: 'idle' }
  | { phase: 'recording'; elapsedMs: number }
  | { phase: 'denied' }
  | { phase: 'unsupported' };

const IDLE: RecorderState = { phase: 'idle' };
const DENIED: RecorderState = { phase: 'denied' };

/** The bar shows idle while the browser asks for the microphone, and one message for any microphone refusal. */
function shown(state: VoiceRecorderState): RecorderState {
  if (state.phase === 'starting') return IDLE;
  if (state.phase === 'unavailable') return DENIED;
  return state;
}

/**
 * Records a voice note (the shared MediaRecorder wrapper of @careloop/web-calls): start, then stop (the note is
 * handed over) or cancel (it is dropped). Stops by itself at the two-minute limit. The microphone is released as
 * soon as recording ends, and when the composer goes away.
 */
export function useVoiceRecorder(onNote: (note: VoiceNote) => void) {
  const deliver = useRef(onNote);
  useEffect(() => {
    deliver.current = onNote;
  }, [onNote]);
  const [recorder] = useState(() => new VoiceRecorder({ onNote: (note) => deliver.current(note) }));
  const state = shown(useSyncExternalStore(recorder.subscribe, recorder.getSnapshot));

  // Leaving the page while recording drops the note and frees the microphone.
  useEffect(() => () => recorder.cancel(), [recorder]);

  return {
    state,
    start: () => recorder.start(),
    stop: () => recorder.stop(),
    cancel: () => recorder.cancel(),
  };
}
