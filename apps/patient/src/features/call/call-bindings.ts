import type { CallBindings } from '@careloop/web-calls/react';
import { AudioMutedOutline, AudioOutline, CameraOutline, PhoneFill, VideoOutline } from 'antd-mobile-icons';
import { Link, useLocation, useNavigate } from 'react-router';
import {
  CommandUnanswered,
  emitCommand,
  useRealtimeEvent,
  useRealtimeStatus,
  type CommandPayload,
} from '../../api/realtime.ts';
import { useAccount } from '../auth/hooks/useMe.ts';
import { fetchCallConfig, fetchCurrentCall } from './api/call.api.ts';

/** The patient app's side of the shared call screens (@careloop/web-calls/react): its /patient socket, API, account, routes, icons. */
export const callBindings: CallBindings = {
  send: (name, payload) => emitCommand(name, payload as CommandPayload<typeof name>),
  isUndelivered: (error) => error instanceof CommandUnanswered,
  useEvent: useRealtimeEvent,
  useStatus: useRealtimeStatus,
  fetchConfig: fetchCallConfig,
  fetchCurrent: fetchCurrentCall,
  useSelfId: () => useAccount().accountId,
  paths: {
    call: (consultationId) => `/consult/${consultationId}/call`,
    chat: (consultationId) => `/consult/${consultationId}`,
  },
  Link,
  useLocation,
  useNavigate,
  icons: {
    microphone: AudioOutline,
    microphoneMuted: AudioMutedOutline,
    camera: VideoOutline,
    switchCamera: CameraOutline,
    hangUp: PhoneFill,
    ringing: PhoneFill,
  },
};
