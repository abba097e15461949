import type { CommandFailure } from '@careloop/contracts';
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { CallController, type CallSnapshot, type CallTransport } from '../call-controller.ts';
import { exposeForTests } from '../expose.ts';
import type { CallBindings } from './bindings.ts';

/** A refused command as an error carrying the server's problem code (the controller shows it). */
function failed(answer: CommandFailure): Error {
  return Object.assign(new Error(answer.problem.title), { code: answer.problem.code });
}

/** The controller's transport over the app's socket: refusals and unanswered commands as coded errors. */
function transportOf(bindings: CallBindings): CallTransport {
  async function send<T extends { ok: true }>(promise: Promise<T | CommandFailure>): Promise<T> {
    try {
      const answer = await promise;
      if (!answer.ok) throw failed(answer);
      return answer;
    } catch (error) {
      if (bindings.isUndelivered(error)) throw Object.assign(error as Error, { code: 'OFFLINE' });
      throw error;
    }
  }
  return {
    start: async (consultationId, media) =>
      (await send(bindings.send('calls.start', { consultationId, media }))).callId,
    join: async (callId) => void (await send(bindings.send('calls.join', { callId }))),
    leave: async (callId, reason) => void (await send(bindings.send('calls.leave', { callId, reason }))),
    signal: async (callId, to, data) =>
      void (await send(bindings.send('calls.signal', { callId, to, data }))),
  };
}

/**
 * The call screen's controller for one consultation: fed by the realtime events, rejoined after the socket comes
 * back, exposed to the browser tests (window.__careloopCall), and hung up when the screen closes.
 */
export function useCallController(
  bindings: CallBindings,
  consultationId: string,
  selfId: string,
  answerCallId: string | null,
): { controller: CallController; snapshot: CallSnapshot } {
  const [controller] = useState(
    () =>
      new CallController({
        selfId,
        consultationId,
        transport: transportOf(bindings),
        iceServers: async () => (await bindings.fetchConfig(consultationId)).iceServers,
      }),
  );
  const snapshot = useSyncExternalStore(controller.subscribe, controller.getSnapshot);

  bindings.useEvent(
    'calls.call.updated',
    useCallback((event) => controller.onCallUpdated(event), [controller]),
  );
  bindings.useEvent(
    'calls.signal.received',
    useCallback((event) => controller.onSignal(event), [controller]),
  );

  const status = bindings.useStatus();
  const previous = useRef(status);
  useEffect(() => {
    if (previous.current === 'disconnected' && status === 'connected') void controller.onReconnected();
    previous.current = status;
  }, [status, controller]);

  // What is ringing or going on when the screen opens; answered at once when the banner's "Answer" led here.
  useEffect(() => {
    let cancelled = false;
    bindings.fetchCurrent(consultationId).then(
      (call) => {
        if (cancelled) return;
        controller.adopt(call);
        if (answerCallId && call?.id === answerCallId) void controller.answer();
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [bindings, consultationId, controller, answerCallId]);

  useEffect(() => exposeForTests(controller), [controller]);
  useEffect(() => () => controller.dispose(), [controller]);
  return { controller, snapshot };
}
