import { describe, expect, it } from 'vitest';
import type { CallUpdatedEvent } from '@careloop/contracts';
import { CallController, type CallTransport } from './call-controller.ts';
import type { CallSession, CallSessionOptions } from './call-session.ts';

const ME = '0190a000-0000-7000-8000-00000000000a';
const DOCTOR = '0190a000-0000-7000-8000-00000000000d';
const CONSULTATION = '0190a000-0000-7000-8000-0000000000c1';
const CALL = '0190a000-0000-7000-8000-0000000000f1';

/** A session that records what the controller asks of it (the real one needs a browser). */
class FakeSession {
  members: string[][] = [];
  closed = false;
  restarts = 0;
  constructor(readonly options: CallSessionOptions) {}
  on() {
    return () => undefined;
  }
  async acquireMedia() {
    return null;
  }
  setMembers(inCall: string[]) {
    this.members.push([...inCall]);
  }
  restartIce() {
    this.restarts += 1;
  }
  close() {
    this.closed = true;
  }
  async handleSignal() {}
}

function setup() {
  const sent: string[] = [];
  const transport: CallTransport = {
    start: async () => {
      sent.push('start');
      return CALL;
    },
    join: async (id) => void sent.push(`join ${id}`),
    leave: async (id, reason) => void sent.push(`leave ${id} ${reason}`),
    signal: async () => undefined,
  };
  const sessions: FakeSession[] = [];
  const controller = new CallController({
    selfId: ME,
    consultationId: CONSULTATION,
    transport,
    iceServers: async () => [],
    createSession: (o) => {
      const s = new FakeSession(o);
      sessions.push(s);
      return s as unknown as CallSession;
    },
    now: () => 1_000,
  });
  return { controller, sent, sessions };
}

const update = (patch: Partial<CallUpdatedEvent>): CallUpdatedEvent => ({
  type: 'calls.call.updated',
  id: CALL,
  consultationId: CONSULTATION,
  media: 'video',
  state: 'ringing',
  startedBy: { id: DOCTOR, name: '王医生' },
  inCall: [DOCTOR],
  endReason: null,
  at: new Date(0).toISOString(),
  ...patch,
});

describe('the call screen state', () => {
  it('rings for me, and answering joins and connects to the caller', async () => {
    const { controller, sent, sessions } = setup();
    controller.onCallUpdated(update({}));
    expect(controller.getSnapshot().phase).toBe('incoming');
    await controller.answer();
    expect(sent).toEqual([`join ${CALL}`]);
    expect(controller.getSnapshot()).toMatchObject({ phase: 'in-call', activeSince: 1_000 });
    expect(sessions[0]!.members.at(-1)).toEqual([DOCTOR, ME]);
    controller.onCallUpdated(update({ state: 'active', inCall: [DOCTOR, ME] }));
    expect(controller.getSnapshot().phase).toBe('in-call');
    controller.onCallUpdated(update({ state: 'ended', inCall: [], endReason: 'hangup' }));
    expect(controller.getSnapshot().phase).toBe('ended');
    expect(sessions[0]!.closed).toBe(true);
  });

  it('calls out, rings until answered, then connects', async () => {
    const { controller, sent, sessions } = setup();
    await controller.start('video');
    expect(sent).toEqual(['start']);
    expect(controller.getSnapshot().phase).toBe('outgoing');
    controller.onCallUpdated(update({ startedBy: { id: ME, name: '我' }, inCall: [ME] }));
    expect(controller.getSnapshot().phase).toBe('outgoing');
    controller.onCallUpdated(
      update({ startedBy: { id: ME, name: '我' }, state: 'active', inCall: [ME, DOCTOR] }),
    );
    expect(controller.getSnapshot().phase).toBe('in-call');
    expect(sessions[0]!.members.at(-1)).toEqual([ME, DOCTOR]);
    await controller.hangUp();
    expect(sent.at(-1)).toBe(`leave ${CALL} hangup`);
    expect(controller.getSnapshot().phase).toBe('ended');
    // The server's word that it ended keeps the ended screen (with its reason).
    controller.onCallUpdated(
      update({ startedBy: { id: ME, name: '我' }, state: 'ended', inCall: [], endReason: 'hangup' }),
    );
    expect(controller.getSnapshot()).toMatchObject({ phase: 'ended', call: { endReason: 'hangup' } });
  });

  it('shows a busy consultation as an error and keeps no camera open', async () => {
    const { sessions } = setup();
    const busy = Object.assign(new Error('busy'), { code: 'CONSULTATION_CALL_BUSY' });
    const failing = new CallController({
      selfId: ME,
      consultationId: CONSULTATION,
      transport: {
        start: () => Promise.reject(busy),
        join: async () => undefined,
        leave: async () => undefined,
        signal: async () => undefined,
      },
      iceServers: async () => [],
      createSession: (o) => {
        const s = new FakeSession(o);
        sessions.push(s);
        return s as unknown as CallSession;
      },
    });
    await failing.start('video');
    expect(failing.getSnapshot()).toMatchObject({ phase: 'idle', error: 'CONSULTATION_CALL_BUSY' });
    expect(sessions[0]!.closed).toBe(true);
  });

  it('declines a ringing call, and ignores another consultation', async () => {
    const { controller, sent } = setup();
    controller.onCallUpdated(update({ consultationId: '0190a000-0000-7000-8000-0000000000c2' }));
    expect(controller.getSnapshot().phase).toBe('idle');
    controller.onCallUpdated(update({}));
    await controller.decline();
    expect(sent).toEqual([`leave ${CALL} declined`]);
    expect(controller.getSnapshot().phase).toBe('idle');
  });

  it('rejoins a call it is still in after a reload, and renews ICE when the socket comes back', async () => {
    const { controller, sent, sessions } = setup();
    controller.adopt({ ...update({ state: 'active', inCall: [DOCTOR, ME] }) });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(sent).toEqual([`join ${CALL}`]);
    expect(controller.getSnapshot().phase).toBe('in-call');
    await controller.onReconnected();
    expect(sent).toEqual([`join ${CALL}`, `join ${CALL}`]);
    expect(sessions[0]!.restarts).toBe(1);
  });

  it('offers a call that goes on without me to join', () => {
    const { controller } = setup();
    controller.onCallUpdated(
      update({ state: 'active', inCall: [DOCTOR, '0190a000-0000-7000-8000-00000000000e'] }),
    );
    expect(controller.getSnapshot().phase).toBe('joinable');
  });
});
