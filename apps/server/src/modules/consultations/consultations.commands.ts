import { ReceiptCommand, SendMessageCommand, TypingCommand } from '@careloop/contracts';
import { defineCommand } from '../../platform/realtime/socket-commands.ts';
import type { MessagesService } from './messages/messages.service.ts';

/** The chat over the apps' sockets: the fast path of POST messages and receipts, and typing indicators. */
export function consultationCommands(messages: MessagesService) {
  return [
    defineCommand({
      name: 'consultations.message.send',
      namespaces: ['patient', 'console'],
      schema: SendMessageCommand,
      handler: async (ctx, { consultationId, ...body }) => {
        const { message } = await messages.send(ctx, consultationId, body);
        return { message };
      },
    }),
    defineCommand({
      name: 'consultations.receipt',
      namespaces: ['patient', 'console'],
      schema: ReceiptCommand,
      handler: async (ctx, { consultationId, deliveredSeq, readSeq }) => {
        await messages.receipt(ctx, consultationId, { deliveredSeq, readSeq });
        return {};
      },
    }),
    defineCommand({
      name: 'consultations.typing',
      namespaces: ['patient', 'console'],
      schema: TypingCommand,
      handler: async (ctx, { consultationId, typing }) => {
        await messages.typing(ctx, consultationId, typing);
        return {};
      },
    }),
  ];
}
