import type {
  CallCommand,
  CallConfig,
  CommandAck,
  LeaveCallCommand,
  RealtimeEvent,
  SignalCommand,
  StartCallAck,
  StartCallCommand,
} from '@careloop/contracts';
import type { ComponentType, ReactNode } from 'react';
import type { CallInfo } from '../call-controller.ts';

/** The socket commands of a call, each with its payload and the server's acknowledgement. */
export interface CallCommands {
  'calls.start': { payload: StartCallCommand; ack: StartCallAck };
  'calls.join': { payload: CallCommand; ack: CommandAck };
  'calls.leave': { payload: LeaveCallCommand; ack: CommandAck };
  'calls.signal': { payload: SignalCommand; ack: CommandAck };
}
export type CallCommandName = keyof CallCommands;

/** The realtime events a call screen listens to. */
export type CallEventType = 'calls.call.updated' | 'calls.signal.received';
export type CallEventOf<T extends CallEventType> = RealtimeEvent & { type: T };

/** An icon component of the app's icon set, rendered decorative (`aria-hidden`). */
export type CallIcon = ComponentType<{ className?: string; 'aria-hidden'?: boolean }>;

/** The app's router link (react-router's Link fits). */
export type CallLink = ComponentType<{
  to: string;
  className?: string;
  children?: ReactNode;
  'data-testid'?: string;
}>;

/**
 * What the call screens take from the app they run in: its realtime socket wrapper (commands, events, status),
 * its HTTP client for the call's configuration and current state, the signed-in account, its routes and router,
 * and its icon set. One constant object per app, made once at module level (the `use…` members are React hooks).
 */
export interface CallBindings {
  /** Sends a command over the app's socket; resolves with the acknowledgement (`{ ok: false, problem }` too). */
  send<N extends CallCommandName>(
    name: N,
    payload: CallCommands[N]['payload'],
  ): Promise<CallCommands[N]['ack']>;
  /** Whether a rejection of `send` means the command never got an answer (no connection, timeout). */
  isUndelivered(error: unknown): boolean;
  /** Hook: calls `handler` for each event of `type` pushed to the signed-in account. */
  useEvent<T extends CallEventType>(type: T, handler: (event: CallEventOf<T>) => void): void;
  /** Hook: whether the realtime connection is up; keeps it open while mounted. */
  useStatus(): 'connected' | 'disconnected';
  /** GET /consultations/:id/call-config. */
  fetchConfig(consultationId: string): Promise<CallConfig>;
  /** GET /consultations/:id/call: the call ringing or going on, or null when there is none. */
  fetchCurrent(consultationId: string): Promise<CallInfo | null>;
  /** Hook: the signed-in account's id. */
  useSelfId(): string;
  /** The app's routes of a consultation's call screen and of its chat. */
  paths: { call(consultationId: string): string; chat(consultationId: string): string };
  /** The app's router: its link, and hooks for the current location and to navigate (react-router's fit). */
  Link: CallLink;
  useLocation(): { pathname: string; search: string };
  useNavigate(): (to: string) => unknown;
  icons: {
    microphone: CallIcon;
    microphoneMuted: CallIcon;
    camera: CallIcon;
    switchCamera: CallIcon;
    hangUp: CallIcon;
    /** The incoming-call banner's phone. */
    ringing: CallIcon;
  };
}
