import { z } from 'zod';
import { Uuid, type ProblemDetail } from './common.ts';
import { SendMessageBody, type ConsultationMessage } from './consultations.ts';
import { CallSignalData } from './realtime.ts';

// What the apps send over their Socket.IO connection (client to server), each answered through the
// acknowledgement callback: `{ ok: true, ... }`, or `{ ok: false, problem }` with the same problem+json body the
// HTTP API would give. Every command has an HTTP twin; the socket is the fast path.

export const SendMessageCommand = z.intersection(z.object({ consultationId: Uuid }), SendMessageBody);
export type SendMessageCommand = z.infer<typeof SendMessageCommand>;

export const ReceiptCommand = z.object({
  consultationId: Uuid,
  deliveredSeq: z.number().int().min(0).optional(),
  readSeq: z.number().int().min(0).optional(),
});
export type ReceiptCommand = z.infer<typeof ReceiptCommand>;

export const TypingCommand = z.object({ consultationId: Uuid, typing: z.boolean() });
export type TypingCommand = z.infer<typeof TypingCommand>;

export const StartCallCommand = z.object({ consultationId: Uuid, media: z.enum(['video', 'audio']) });
export type StartCallCommand = z.infer<typeof StartCallCommand>;

export const CallCommand = z.object({ callId: Uuid });
export type CallCommand = z.infer<typeof CallCommand>;

export const LeaveCallCommand = z.object({
  callId: Uuid,
  reason: z.enum(['hangup', 'declined', 'failed']).default('hangup'),
});
export type LeaveCallCommand = z.infer<typeof LeaveCallCommand>;

export const SignalCommand = z.object({ callId: Uuid, to: Uuid, data: CallSignalData });
export type SignalCommand = z.infer<typeof SignalCommand>;

export const SOCKET_COMMANDS = {
  'consultations.message.send': SendMessageCommand,
  'consultations.receipt': ReceiptCommand,
  'consultations.typing': TypingCommand,
  'calls.start': StartCallCommand,
  'calls.join': CallCommand,
  'calls.leave': LeaveCallCommand,
  'calls.signal': SignalCommand,
} as const;
export type SocketCommandName = keyof typeof SOCKET_COMMANDS;

export type CommandFailure = { ok: false; problem: ProblemDetail };
export type SendMessageAck = { ok: true; message: ConsultationMessage } | CommandFailure;
export type StartCallAck = { ok: true; callId: string } | CommandFailure;
export type CommandAck = { ok: true } | CommandFailure;
