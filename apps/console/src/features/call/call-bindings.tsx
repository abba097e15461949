import type { CallBindings, CallCommands } from '@careloop/web-calls/react';
import {
  AudioMutedOutlined,
  AudioOutlined,
  PhoneOutlined,
  SwapOutlined,
  VideoCameraOutlined,
} from '@ant-design/icons';
import { Link, useLocation, useNavigate } from 'react-router';
import { CommandNotDelivered, emitCommand, useRealtimeEvent, useRealtimeStatus } from '../../api/realtime';
import { useStaffMe } from '../auth/hooks/use-me';
import { callApi } from './api/call-api';

/** The console's side of the shared call screens (@careloop/web-calls/react): its /console socket, API, account, routes, icons. */
export const callBindings: CallBindings = {
  send: (name, payload) => emitCommand<CallCommands[typeof name]['ack']>(name, payload),
  isUndelivered: (error) => error instanceof CommandNotDelivered,
  useEvent: useRealtimeEvent,
  useStatus: useRealtimeStatus,
  fetchConfig: callApi.config,
  fetchCurrent: callApi.current,
  useSelfId: () => useStaffMe().accountId,
  paths: {
    call: (consultationId) => `/consultations/${consultationId}/call`,
    chat: (consultationId) => `/consultations/${consultationId}`,
  },
  Link,
  useLocation,
  useNavigate,
  icons: {
    microphone: AudioOutlined,
    microphoneMuted: AudioMutedOutlined,
    camera: VideoCameraOutlined,
    switchCamera: SwapOutlined,
    hangUp: (props) => <PhoneOutlined {...props} rotate={225} />,
    ringing: PhoneOutlined,
  },
};
