// The consultations module's public API (在线问诊): routes, socket commands and background jobs. A patient asks a
// doctor or a department pool; doctors take requests from their queue; the conversation is numbered per
// consultation so nothing is lost across reconnects; the doctor's summary becomes an encounter in the record.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { ConsultationsService } from './consultations.service.ts';
import { MessagesService } from './messages/messages.service.ts';
import { DirectoryService } from './directory.service.ts';
import { AttachmentsService } from './attachments/attachments.service.ts';
import { QuickRepliesService } from './quick-replies.service.ts';
import { consultationsRoutes as routesOf } from './consultations.routes.ts';
import { attachmentsRoutes } from './attachments/attachments.routes.ts';
import { consultationCommands } from './consultations.commands.ts';
import { CallsService } from './calls/calls.service.ts';
import { GuestsService } from './calls/guests.service.ts';
import { callsRoutes } from './calls/calls.routes.ts';
import { callCommands } from './calls/calls.commands.ts';

export { consultationExpiryJob, expireRequests } from './expiry.job.ts';
export { unreadNoticeJob, deliverUnreadNotice } from './messages/unread-notice.ts';
export { callRingTimeoutJob, endMissedCalls } from './calls/ring-timeout.job.ts';

export function consultationsRoutes(deps: AppDeps) {
  const messages = new MessagesService(deps);
  const consultations = new ConsultationsService(deps, messages);
  const directory = new DirectoryService(deps);
  for (const command of consultationCommands(messages)) deps.realtime.handle(command);
  const calls = new CallsService(deps, messages);
  for (const command of callCommands(calls)) deps.realtime.handle(command);
  return async function routes(app: FastifyInstance) {
    await app.register(routesOf({ consultations, messages, directory }));
    await app.register(attachmentsRoutes(new AttachmentsService(deps), new QuickRepliesService(deps)));
    await app.register(callsRoutes(calls, new GuestsService(deps, messages)));
  };
}
