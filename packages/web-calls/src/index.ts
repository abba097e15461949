// Browser code shared by the patient app and the console: video and voice calls (the WebRTC session, one peer
// connection per other member, signaling through the app's realtime connection) and voice notes for the chat
// (a MediaRecorder wrapper). No React, no I/O of its own.
export {
  CallController,
  type CallControllerOptions,
  type CallInfo,
  type CallPhase,
  type CallSnapshot,
  type CallTransport,
} from './call-controller.ts';
export {
  CallSession,
  type CallSessionEvent,
  type CallSessionOptions,
  type PeerStats,
} from './call-session.ts';
export {
  callConnection,
  formatDuration,
  inboundBytes,
  isPolite,
  nextCamera,
  peersOf,
  sdpFingerprint,
  type CallConnection,
} from './call-state.ts';
export { exposeForTests } from './expose.ts';
export {
  VOICE_MAX_BYTES,
  VOICE_MAX_MS,
  VOICE_MIME_TYPES,
  VoiceRecorder,
  checkVoiceNote,
  microphoneProblem,
  pickVoiceMimeType,
  voiceBlobType,
  voiceDuration,
  voiceFileName,
  type MicrophoneProblem,
  type VoiceNote,
  type VoiceNoteProblem,
  type VoiceRecorderEnv,
  type VoiceRecorderOptions,
  type VoiceRecorderState,
} from './voice-recorder.ts';
