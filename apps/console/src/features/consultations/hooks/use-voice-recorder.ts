import { VoiceRecorder, type VoiceNote, type VoiceRecorderState } from '@careloop/web-calls';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';

export interface VoiceRecorderControls {
  state: VoiceRecorderState;
  start: () => void;
  stop: () => void;
  cancel: () => void;
}

/**
 * A voice note recorder for the composer (the shared MediaRecorder wrapper of @careloop/web-calls): start, then
 * stop (the note goes to `onNote`) or cancel; it stops by itself at two minutes. Leaving the page while
 * recording drops the note and frees the microphone.
 */
export function useVoiceRecorder(onNote: (note: VoiceNote) => void): VoiceRecorderControls {
  const deliver = useRef(onNote);
  useEffect(() => {
    deliver.current = onNote;
  }, [onNote]);
  const [recorder] = useState(() => new VoiceRecorder({ onNote: (note) => deliver.current(note) }));
  const state = useSyncExternalStore(recorder.subscribe, recorder.getSnapshot);
  // Cancel, not dispose: StrictMode mounts twice, and the same recorder serves the second mount.
  useEffect(() => () => recorder.cancel(), [recorder]);
  return {
    state,
    start: () => void recorder.start(),
    stop: () => recorder.stop(),
    cancel: () => recorder.cancel(),
  };
}
