import type { Consultation, ConsultationMessage } from '@careloop/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useRealtimeEvent, useRealtimeStatus, type RealtimeEventOf } from '../../../api/realtime.ts';
import { fetchMessages } from '../api/consult.api.ts';
import { highestSeq, laterReceipts, lowestSeq, mergeMessages, type PeerReceipts } from '../lib/timeline.ts';
import { chatOutbox } from './chat-outbox.ts';

const PAGE = 50;
const CATCH_UP_PAGE = 200;

export interface ChatTimeline {
  messages: ConsultationMessage[];
  state: 'loading' | 'ready' | 'error';
  error: unknown;
  hasOlder: boolean;
  loadingOlder: boolean;
  loadOlder: () => void;
  /** Adds messages known some other way (a send's acknowledgement). */
  merge: (incoming: readonly ConsultationMessage[]) => void;
  /** The other side's receipts: how far one's own messages got. */
  peer: PeerReceipts;
  /** Someone on the other side is typing now. */
  peerTyping: boolean;
  retry: () => void;
}

/**
 * The conversation as this device holds it: the newest page first, older pages on request, everything after the
 * highest number held fetched again whenever the connection comes back (events sent while offline are lost), and
 * live messages, receipts and typing from the socket, all merged by message number.
 */
export function useChatTimeline(consultation: Consultation | undefined, myAccountId: string): ChatTimeline {
  const id = consultation?.id;
  const [messages, setMessages] = useState<ConsultationMessage[]>([]);
  const [state, setState] = useState<ChatTimeline['state']>('loading');
  const [error, setError] = useState<unknown>(null);
  const [hasOlder, setHasOlder] = useState(false);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [peer, setPeer] = useState<PeerReceipts>({ deliveredSeq: 0, readSeq: 0 });
  const [peerTyping, setPeerTyping] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const held = useRef<ConsultationMessage[]>([]);
  const typingTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const status = useRealtimeStatus();

  const merge = useCallback(
    (incoming: readonly ConsultationMessage[]) => {
      if (incoming.length === 0) return;
      held.current = mergeMessages(held.current, incoming);
      setMessages(held.current);
      // The server counts a participant's own message as read by them up to it: an answer means they read ours.
      const answered = incoming
        .filter((m) => m.senderRole !== 'system' && m.sender !== null && m.sender.id !== myAccountId)
        .reduce((seq, m) => Math.max(seq, m.seq), 0);
      if (answered > 0) setPeer((p) => laterReceipts(p, { deliveredSeq: answered, readSeq: answered }));
      // A message seen in the conversation has reached the server, whatever became of its acknowledgement.
      if (id) {
        const clientIds = incoming.map((m) => m.clientId).filter((c): c is string => c !== null);
        if (clientIds.length > 0) chatOutbox.remove(id, clientIds);
      }
    },
    [id, myAccountId],
  );

  const catchUp = useCallback(async () => {
    if (!id) return;
    for (;;) {
      const page = await fetchMessages(id, { after: highestSeq(held.current) }, CATCH_UP_PAGE);
      merge(page.items);
      if (!page.hasMore || page.items.length === 0) return;
    }
  }, [id, merge]);

  const lastSeq = consultation?.lastSeq;
  const loaded = useRef<string | null>(null);
  useEffect(() => {
    if (!id || lastSeq === undefined || loaded.current === `${id}:${attempt}`) return;
    loaded.current = `${id}:${attempt}`;
    held.current = [];
    setState('loading');
    fetchMessages(id, { before: lastSeq + 1 }, PAGE)
      .then(async (page) => {
        merge(page.items);
        setHasOlder(page.hasMore);
        setState('ready');
        await catchUp();
      })
      .catch((e: unknown) => {
        setError(e);
        setState('error');
      });
  }, [id, lastSeq, attempt, merge, catchUp]);

  // Back online: whatever was said meanwhile.
  const wasConnected = useRef(status === 'connected');
  useEffect(() => {
    const reconnected = status === 'connected' && !wasConnected.current;
    wasConnected.current = status === 'connected';
    if (reconnected && state === 'ready') catchUp().catch(() => undefined);
  }, [status, state, catchUp]);

  const peerDeliveredSeq = consultation?.peerDeliveredSeq ?? 0;
  const peerReadSeq = consultation?.peerReadSeq ?? 0;
  useEffect(() => {
    setPeer((p) => laterReceipts(p, { deliveredSeq: peerDeliveredSeq, readSeq: peerReadSeq }));
  }, [peerDeliveredSeq, peerReadSeq]);

  useRealtimeEvent(
    'consultations.message.created',
    useCallback(
      (event: RealtimeEventOf<'consultations.message.created'>) => {
        if (event.consultationId !== id) return;
        merge([event.message]);
        if (event.message.sender?.id !== myAccountId) setPeerTyping(false);
      },
      [id, merge, myAccountId],
    ),
  );

  useRealtimeEvent(
    'consultations.receipt.updated',
    useCallback(
      (event: RealtimeEventOf<'consultations.receipt.updated'>) => {
        if (event.consultationId !== id || event.accountId === myAccountId) return;
        setPeer((p) => laterReceipts(p, event));
      },
      [id, myAccountId],
    ),
  );

  useRealtimeEvent(
    'consultations.typing.changed',
    useCallback(
      (event: RealtimeEventOf<'consultations.typing.changed'>) => {
        if (event.consultationId !== id || event.accountId === myAccountId) return;
        clearTimeout(typingTimer.current);
        setPeerTyping(event.typing);
        // A "stopped" that never comes (the other side lost its connection) must not leave it showing.
        if (event.typing) typingTimer.current = setTimeout(() => setPeerTyping(false), 8_000);
      },
      [id, myAccountId],
    ),
  );
  useEffect(() => () => clearTimeout(typingTimer.current), []);

  const loadOlder = useCallback(() => {
    if (!id || loadingOlder) return;
    setLoadingOlder(true);
    fetchMessages(id, { before: lowestSeq(held.current) || 1 }, PAGE)
      .then((page) => {
        merge(page.items);
        setHasOlder(page.hasMore);
      })
      .catch((e: unknown) => setError(e))
      .finally(() => setLoadingOlder(false));
  }, [id, loadingOlder, merge]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  return { messages, state, error, hasOlder, loadingOlder, loadOlder, merge, peer, peerTyping, retry };
}
