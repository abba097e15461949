import type { CallConfig, CallSignalData } from '@careloop/contracts';
import type { AppDeps } from '../../../platform/deps.ts';
import type { Actor, RequestContext } from '../../../platform/auth/actor.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { jobsInTransaction } from '../../../platform/jobs/in-transaction.ts';
import { notify } from '../../notifications/index.ts';
import {
  consultationsRepository as consultations,
  type ConsultationRow,
} from '../consultations.repository.ts';
import { loadAuthorized } from '../consultation-access.ts';
import { meIn } from '../consultation-view.ts';
import { publishToParticipants } from '../publish.ts';
import { MessagesService } from '../messages/messages.service.ts';
import { callsRepository as repo, type CallEndReason, type CallRow } from './calls.repository.ts';
import { RING_SECONDS, callUpdated, endAsMissed, finishCall, isOverdue } from './call-lifecycle.ts';
import { callConfigFor } from './call-config.ts';
import { callRingTimeoutJob } from './ring-timeout.job.ts';

/** What a committed change publishes: the call's new state, and event lines written into the conversation. */
interface Outcome {
  row: ConsultationRow;
  calls: CallRow[];
  eventIds: string[];
}

/**
 * Calls inside a consultation: one live call at a time, ringing until someone answers (or RING_SECONDS pass and
 * it ends as missed), ended when fewer than two remain. Every change locks the consultation and then the call,
 * writes its event line and audit entry in one transaction, and is pushed to all participants after commit.
 * The media never pass through the server: it relays the WebRTC signaling between members of the same call.
 */
export class CallsService {
  constructor(
    private readonly deps: AppDeps,
    private readonly messages: MessagesService,
  ) {}

  async start(ctx: RequestContext, consultationId: string, media: 'video' | 'audio') {
    const { actor } = ctx;
    const callId = uuidv7();
    const abandoned = await this.abandonedCall(consultationId, actor.accountId);
    const outcome = await this.change(ctx, consultationId, async (tx, row, now) => {
      requireCallable(row, actor, now);
      const ended: Outcome['calls'] = [];
      const eventIds: string[] = [];
      const live = await repo.live(tx, consultationId);
      if (live && live.id === abandoned) {
        // Everyone in it closed the app without hanging up: it ends as failed, and the new call may start.
        const done = await finishCall(tx, row, (await repo.lock(tx, live.id)) ?? live, 'failed', now);
        ended.push(done.call);
        eventIds.push(done.eventId);
      } else if (live) {
        if (!isOverdue(live, now)) throw new AppError('CONSULTATION_CALL_BUSY');
        const missed = await endAsMissed(tx, row, (await repo.lock(tx, live.id)) ?? live, now);
        ended.push(missed.call);
        eventIds.push(missed.eventId);
      }
      await repo.insert(tx, {
        id: callId,
        orgId: row.org_id,
        consultationId,
        media,
        startedBy: actor.accountId,
      });
      await recordAudit(tx, ctx, {
        action: 'consultation.call.start',
        resourceType: 'consultation_call',
        resourceId: callId,
        patientId: row.patient_id,
        orgId: row.org_id,
        detail: { consultationId, media },
      });
      if (this.deps.jobs)
        await this.deps.jobs.send(
          callRingTimeoutJob(this.deps),
          { callId },
          { db: jobsInTransaction(tx), startAfter: RING_SECONDS + 1, retryLimit: 5 },
        );
      const call = await repo.byId(tx, callId);
      if (!call) throw new Error('the call vanished in its own transaction');
      return { calls: [...ended, call], eventIds };
    });
    await this.publish(outcome);
    const call = outcome.calls.at(-1);
    if (call) void this.ringOffline(outcome.row, call).catch(() => undefined);
    return { callId };
  }

  /** Answers a ringing call or joins a live one (again, after a reload: joining twice changes nothing). */
  async join(ctx: RequestContext, callId: string) {
    const { actor } = ctx;
    const outcome = await this.changeCall(ctx, callId, async (tx, row, call, now) => {
      requireCallable(row, actor, now);
      if (call.in_call.includes(actor.accountId)) return { calls: [call], eventIds: [] };
      const inCall = [...call.in_call, actor.accountId];
      const answering = call.answered_at === null && inCall.length >= 2;
      await repo.setMembers(tx, call.id, inCall, answering ? now : undefined);
      const joined: CallRow = { ...call, in_call: inCall, answered_at: answering ? now : call.answered_at };
      const eventIds = answering
        ? [
            await MessagesService.event(tx, row, {
              type: 'call_started',
              by: { id: call.started_by, name: call.started_by_name },
              callId: call.id,
              media: call.media,
            }),
          ]
        : [];
      await recordAudit(tx, ctx, {
        action: 'consultation.call.join',
        resourceType: 'consultation_call',
        resourceId: call.id,
        patientId: row.patient_id,
        orgId: row.org_id,
        detail: { consultationId: row.id, answered: answering },
      });
      return { calls: [joined], eventIds };
    });
    await this.publish(outcome);
    return {};
  }

  /**
   * Leaves a call: hanging up, declining a ringing call, or giving up after a failure. The call ends when fewer
   * than two remain, when the caller cancels before anyone answers, or when a ringing call is declined. Leaving
   * a call that has already ended does nothing (both sides often hang up at once).
   */
  async leave(ctx: RequestContext, callId: string, reason: 'hangup' | 'declined' | 'failed') {
    const { actor } = ctx;
    const outcome = await this.changeCall(
      ctx,
      callId,
      async (tx, row, call, now) => {
        if (call.ended_at) return { calls: [], eventIds: [] };
        const inCall = call.in_call.filter((id) => id !== actor.accountId);
        let end: CallEndReason | null = null;
        if (call.answered_at === null) {
          if (actor.accountId === call.started_by) end = 'hangup';
          else if (!call.in_call.includes(actor.accountId)) end = reason === 'failed' ? 'failed' : 'declined';
        } else if (inCall.length < 2) {
          end = reason === 'failed' ? 'failed' : 'hangup';
        }
        if (!end) {
          if (inCall.length === call.in_call.length) return { calls: [], eventIds: [] };
          await repo.setMembers(tx, call.id, inCall);
          return { calls: [{ ...call, in_call: inCall }], eventIds: [] };
        }
        const done = await finishCall(tx, row, call, end, now);
        await recordAudit(tx, ctx, {
          action: 'consultation.call.end',
          resourceType: 'consultation_call',
          resourceId: call.id,
          patientId: row.patient_id,
          orgId: row.org_id,
          detail: { consultationId: row.id, reason: end },
        });
        return { calls: [done.call], eventIds: [done.eventId] };
      },
      true,
    );
    await this.publish(outcome);
    return {};
  }

  /**
   * Relays one WebRTC signal (offer, answer, ICE candidate) from a member of a live call to another member of the
   * same call. Nothing is stored: a signal lost to a reconnect is recovered by the clients' ICE restart.
   */
  async signal(ctx: RequestContext, callId: string, to: string, data: CallSignalData) {
    const { actor } = ctx;
    const route = await repo.signalRoute(this.deps.db, callId, to);
    if (!route || !route.in_call.includes(actor.accountId)) throw new AppError('CONSULTATION_CALL_NOT_FOUND');
    if (to === actor.accountId || !route.in_call.includes(to) || !route.to_kind)
      throw new AppError('CONSULTATION_CALL_NOT_MEMBER', {
        errors: [{ path: 'to', message: 'not_in_call' }],
      });
    this.deps.realtime.publish(
      route.to_kind === 'staff' ? 'console' : 'patient',
      { accountIds: [to] },
      {
        type: 'calls.signal.received',
        callId,
        consultationId: route.consultation_id,
        from: actor.accountId,
        data,
        at: new Date().toISOString(),
      },
    );
    return {};
  }

  /** The ICE servers for a participant of the consultation (TURN credentials are theirs, and expire). */
  async config(ctx: RequestContext, consultationId: string): Promise<CallConfig> {
    await loadAuthorized(this.deps.db, ctx.actor, consultationId);
    return callConfigFor(this.deps.config.consult.calls, ctx.actor.accountId);
  }

  /** The consultation's live call, for a screen that opens (or reloads) while one rings or goes on. */
  async current(ctx: RequestContext, consultationId: string) {
    const row = await loadAuthorized(this.deps.db, ctx.actor, consultationId);
    const live = await repo.live(this.deps.db, row.id);
    if (!live || isOverdue(live, new Date())) throw new AppError('CONSULTATION_CALL_NOT_FOUND');
    return callUpdated(live);
  }

  /** One change of a consultation's calls: consultation locked, caller authorized and (patient side) taking part. */
  private async change(
    ctx: RequestContext,
    consultationId: string,
    run: (tx: Tx, row: ConsultationRow, now: Date) => Promise<Omit<Outcome, 'row'>>,
  ): Promise<Outcome> {
    const { actor } = ctx;
    return this.deps.db.transaction().execute(async (tx) => {
      if (!(await consultations.lock(tx, consultationId))) throw new AppError('CONSULTATION_NOT_FOUND');
      let row = await loadAuthorized(tx, actor, consultationId);
      if (!meIn(row, actor.accountId)) {
        // The patient side reaches a consultation through the patient; calling makes them a participant, as
        // sending a message does. Staff take part only once they accepted or were invited.
        if (actor.kind !== 'patient') throw new AppError('CONSULTATION_NOT_FOUND');
        await consultations.addParticipant(tx, {
          consultationId,
          accountId: actor.accountId,
          role: 'patient',
          addedBy: actor.accountId,
        });
        row = await loadAuthorized(tx, actor, consultationId);
      }
      return { row, ...(await run(tx, row, new Date())) };
    });
  }

  /** A change of one call: its consultation locked first, then the call (the order every call change takes). */
  private async changeCall(
    ctx: RequestContext,
    callId: string,
    run: (tx: Tx, row: ConsultationRow, call: CallRow, now: Date) => Promise<Omit<Outcome, 'row'>>,
    endedIsFine = false,
  ): Promise<Outcome> {
    const seen = await repo.byId(this.deps.db, callId);
    if (!seen) throw new AppError('CONSULTATION_CALL_NOT_FOUND');
    let gone = false;
    const outcome = await this.change(ctx, seen.consultation_id, async (tx, row, now) => {
      const call = await repo.lock(tx, callId);
      if (!call) throw new AppError('CONSULTATION_CALL_NOT_FOUND');
      if (isOverdue(call, now)) {
        // Rang out before the sweep came by: it ends as missed now, whatever was asked.
        const missed = await endAsMissed(tx, row, call, now);
        gone = !endedIsFine;
        return { calls: [missed.call], eventIds: [missed.eventId] };
      }
      if (call.ended_at && !endedIsFine) throw new AppError('CONSULTATION_CALL_NOT_FOUND');
      return run(tx, row, call, now);
    });
    if (gone) {
      await this.publish(outcome);
      throw new AppError('CONSULTATION_CALL_NOT_FOUND');
    }
    return outcome;
  }

  private async publish(outcome: Outcome): Promise<void> {
    for (const call of outcome.calls)
      publishToParticipants(this.deps.realtime, outcome.row.participants, callUpdated(call));
    if (outcome.eventIds.length > 0) await this.messages.publishStored(outcome.row, outcome.eventIds);
  }

  /**
   * An answered call that its members left without hanging up (closed the app, lost the phone's connection for
   * good): none of them has the app open any more on any server process — except the one now starting a new
   * call, who is plainly no longer in the old one. Such a call would otherwise keep the consultation busy.
   */
  private async abandonedCall(consultationId: string, starter: string): Promise<string | null> {
    const isConnected = this.deps.realtime.isConnected?.bind(this.deps.realtime);
    if (!isConnected) return null;
    const live = await repo.live(this.deps.db, consultationId);
    if (!live || live.answered_at === null) return null;
    const kinds = await repo.accountKinds(this.deps.db, live.in_call);
    for (const member of live.in_call) {
      if (member === starter) continue;
      const namespace = kinds.get(member) === 'staff' ? 'console' : 'patient';
      if (await isConnected(namespace, member)) return null;
    }
    return live.id;
  }

  /**
   * Tells callees who have no app open that they are being called (inbox, web push, their other channels).
   * Someone with the app open sees the ringing screen instead. Best effort: the call rings either way.
   */
  private async ringOffline(row: ConsultationRow, call: CallRow): Promise<void> {
    const callees = row.participants.filter((p) => p.accountId !== call.started_by);
    const offline: typeof callees = [];
    for (const p of callees) {
      const online = await this.deps.realtime.isConnected?.(
        p.kind === 'staff' ? 'console' : 'patient',
        p.accountId,
      );
      if (!online) offline.push(p);
    }
    if (offline.length === 0) return;
    const callerIsStaff = row.participants.find((p) => p.accountId === call.started_by)?.kind === 'staff';
    const video = call.media === 'video';
    await this.deps.db.transaction().execute((tx) =>
      notify(
        tx,
        offline.map((p) => ({
          orgId: row.org_id,
          accountId: p.accountId,
          patientId: row.patient_id,
          kind: 'call_incoming' as const,
          urgency: 'normal' as const,
          // Names no condition: it may show on a locked phone.
          titleZh: callerIsStaff
            ? `${call.started_by_name}医生正在呼叫您`
            : `${call.started_by_name}正在呼叫您`,
          titleEn: callerIsStaff
            ? `Dr. ${call.started_by_name} is calling you`
            : `${call.started_by_name} is calling you`,
          bodyZh: video ? '问诊视频通话，打开 CareLoop 接听。' : '问诊语音通话，打开 CareLoop 接听。',
          bodyEn: video
            ? 'A video call in your consultation: open CareLoop to answer.'
            : 'A voice call in your consultation: open CareLoop to answer.',
          link: p.kind === 'staff' ? `/consultations/${row.id}/call` : `/consult/${row.id}/call`,
          dedupeKey: `call:${call.id}:incoming`,
        })),
      ),
    );
  }
}

/**
 * Calls go on while the consultation is accepted or active, and in the follow-up window after it closed: a waiting
 * request has no doctor yet to call, and an ended consultation is over. Staff must take part in it.
 */
function requireCallable(row: ConsultationRow, actor: Actor, now: Date): void {
  const open = row.status === 'accepted' || row.status === 'active';
  const followUp = row.status === 'closed' && row.follow_up_until !== null && row.follow_up_until > now;
  if (!open && !followUp)
    throw new AppError(row.status === 'requested' ? 'CONSULTATION_STATE' : 'CONSULTATION_CLOSED');
  if (!meIn(row, actor.accountId)) throw new AppError('CONSULTATION_NOT_FOUND');
}
