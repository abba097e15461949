import { CallCommand, LeaveCallCommand, SignalCommand, StartCallCommand } from '@careloop/contracts';
import { defineCommand } from '../../../platform/realtime/socket-commands.ts';
import type { CallsService } from './calls.service.ts';

/** Calls over the apps' sockets: start, answer/join, leave, and the WebRTC signaling relay. */
export function callCommands(calls: CallsService) {
  return [
    defineCommand({
      name: 'calls.start',
      namespaces: ['patient', 'console'],
      schema: StartCallCommand,
      handler: (ctx, { consultationId, media }) => calls.start(ctx, consultationId, media),
    }),
    defineCommand({
      name: 'calls.join',
      namespaces: ['patient', 'console'],
      schema: CallCommand,
      handler: (ctx, { callId }) => calls.join(ctx, callId),
    }),
    defineCommand({
      name: 'calls.leave',
      namespaces: ['patient', 'console'],
      schema: LeaveCallCommand,
      handler: (ctx, { callId, reason }) => calls.leave(ctx, callId, reason),
    }),
    defineCommand({
      name: 'calls.signal',
      namespaces: ['patient', 'console'],
      schema: SignalCommand,
      handler: (ctx, { callId, to, data }) => calls.signal(ctx, callId, to, data),
    }),
  ];
}
