import type {
  CommandAck,
  Consultation,
  ConsultationMessage,
  SendMessageAck,
  SendMessageBody,
} from '@careloop/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { CommandNotDelivered, emitCommand, useRealtimeEvent, useRealtimeStatus } from '../../../api/realtime';
import { problemText } from '../../../lib/problems';
import { consultationsApi } from '../api/consultations-api';
import { highestSeq, mergeMessages, type MessageList } from '../lib/messages';
import { loadOutbox, saveOutbox, type OutboxItem } from '../lib/outbox';

const PAGE = 50;
const CATCH_UP_PAGE = 200;

export interface Conversation {
  messages: MessageList;
  outbox: readonly OutboxItem[];
  status: 'loading' | 'ready' | 'error';
  hasOlder: boolean;
  loadingOlder: boolean;
  loadOlder: () => void;
  /** The other side's receipts: my messages up to these numbers reached them / were read. */
  peer: { deliveredSeq: number; readSeq: number };
  /** Queues a message (a new clientId each) and sends it; kept and sent again until the server stores it. */
  send: (item: Omit<OutboxItem, 'state' | 'createdAt'>) => void;
  retry: (clientId: string) => void;
  discard: (clientId: string) => void;
  reload: () => void;
}

function isMine(message: ConsultationMessage, myAccountId: string): boolean {
  return message.sender?.id === myAccountId;
}

/**
 * One consultation's messages, live: the latest page first, older pages on demand, new messages from the
 * realtime channel, and on every (re)connect everything after the highest seq held, merged by seq. Sending goes
 * through an outbox: each message keeps its clientId until the server has stored it, so a resend after a lost
 * connection or a reload never makes a second copy. Receipts go back as messages arrive and are read.
 */
export function useConversation(consultation: Consultation, myAccountId: string): Conversation {
  const { t } = useTranslation();
  const consultationId = consultation.id;
  const [messages, setMessages] = useState<MessageList>([]);
  const [status, setStatus] = useState<Conversation['status']>('loading');
  const [hasOlder, setHasOlder] = useState(false);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [outbox, setOutbox] = useState<OutboxItem[]>(() => loadOutbox(consultationId));
  const [peer, setPeer] = useState({
    deliveredSeq: consultation.peerDeliveredSeq,
    readSeq: consultation.peerReadSeq,
  });
  const [attempt, setAttempt] = useState(0);
  const live = useRealtimeStatus();

  // Read by callbacks that outlive a render.
  const held = useRef<MessageList>([]);
  const loaded = useRef(false);
  const inFlight = useRef(new Set<string>());
  const outboxRef = useRef(outbox);
  const receiptsSent = useRef({ deliveredSeq: 0, readSeq: 0 });

  const merge = useCallback((incoming: readonly ConsultationMessage[]) => {
    held.current = mergeMessages(held.current, incoming);
    setMessages(held.current);
    const stored = new Set(incoming.map((m) => m.clientId).filter((c): c is string => c !== null));
    if (stored.size > 0) {
      outboxRef.current = outboxRef.current.filter((item) => !stored.has(item.clientId));
      setOutbox(outboxRef.current);
    }
  }, []);

  const updateOutbox = useCallback((change: (items: OutboxItem[]) => OutboxItem[]) => {
    outboxRef.current = change(outboxRef.current);
    setOutbox(outboxRef.current);
  }, []);

  useEffect(() => saveOutbox(consultationId, outbox), [consultationId, outbox]);

  // The peer's receipts also come with each fresh copy of the consultation.
  useEffect(() => {
    setPeer((p) => ({
      deliveredSeq: Math.max(p.deliveredSeq, consultation.peerDeliveredSeq),
      readSeq: Math.max(p.readSeq, consultation.peerReadSeq),
    }));
  }, [consultation.peerDeliveredSeq, consultation.peerReadSeq]);

  /** Everything after the highest seq held, page by page. */
  const catchUp = useCallback(async () => {
    for (;;) {
      const page = await consultationsApi.messages(consultationId, {
        after: highestSeq(held.current),
        limit: CATCH_UP_PAGE,
      });
      merge(page.items);
      if (!page.hasMore || page.items.length === 0) return;
    }
  }, [consultationId, merge]);

  // The latest page, then anything that came meanwhile.
  useEffect(() => {
    let cancelled = false;
    loaded.current = false;
    held.current = [];
    setMessages([]);
    setStatus('loading');
    const lastSeq = consultation.lastSeq;
    void (async () => {
      try {
        if (lastSeq > 0) {
          const page = await consultationsApi.messages(consultationId, { before: lastSeq + 1, limit: PAGE });
          if (cancelled) return;
          merge(page.items);
          setHasOlder(page.hasMore);
        }
        await catchUp();
        if (cancelled) return;
        loaded.current = true;
        setStatus('ready');
      } catch {
        if (!cancelled) setStatus('error');
      }
    })();
    return () => {
      cancelled = true;
    };
    // Loaded once per consultation (and on reload); later changes arrive as events or by catching up.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [consultationId, attempt]);

  const deliver = useCallback(
    async (item: OutboxItem) => {
      if (inFlight.current.has(item.clientId)) return;
      inFlight.current.add(item.clientId);
      const body: SendMessageBody = {
        clientId: item.clientId,
        kind: item.kind,
        ...(item.kind === 'text' ? { body: item.body } : { attachmentId: item.attachmentId }),
      };
      const fail = (error: string) =>
        updateOutbox((items) =>
          items.map((i) => (i.clientId === item.clientId ? { ...i, state: 'failed', error } : i)),
        );
      try {
        try {
          const ack = await emitCommand<SendMessageAck>('consultations.message.send', {
            consultationId,
            ...body,
          });
          if (ack.ok) merge([ack.message]);
          else fail(ack.problem.detail ?? ack.problem.title);
          return;
        } catch (error) {
          if (!(error instanceof CommandNotDelivered)) throw error;
        }
        // No socket, or no acknowledgement in time: the HTTP twin (the same clientId returns the stored one).
        merge([await consultationsApi.send(consultationId, body)]);
      } catch (error) {
        // Still offline: stays in the outbox and goes again after the reconnect.
        if (!(error instanceof ApiError && error.status === 0)) fail(problemText(error, t));
      } finally {
        inFlight.current.delete(item.clientId);
      }
    },
    [consultationId, merge, t, updateOutbox],
  );

  const flush = useCallback(() => {
    for (const item of outboxRef.current) if (item.state === 'sending') void deliver(item);
  }, [deliver]);

  // Every (re)connect: fetch what was missed, then send what waits.
  useEffect(() => {
    if (live !== 'connected' || !loaded.current) return;
    void catchUp()
      .catch(() => undefined)
      .finally(flush);
  }, [live, catchUp, flush]);

  // What waited in the outbox (from before a reload) goes once the messages are loaded.
  useEffect(() => {
    if (status === 'ready') flush();
  }, [status, flush]);

  useEffect(() => {
    window.addEventListener('online', flush);
    return () => window.removeEventListener('online', flush);
  }, [flush]);

  useRealtimeEvent('consultations.message.created', (event) => {
    if (event.consultationId === consultationId) merge([event.message]);
  });
  useRealtimeEvent('consultations.receipt.updated', (event) => {
    if (event.consultationId !== consultationId || event.accountId === myAccountId) return;
    setPeer((p) => ({
      deliveredSeq: Math.max(p.deliveredSeq, event.deliveredSeq),
      readSeq: Math.max(p.readSeq, event.readSeq),
    }));
  });

  // Receipts for the other side's messages: delivered when held here, read while the page is in view.
  const sendReceipts = useCallback(() => {
    const theirs = held.current.filter((m) => !isMine(m, myAccountId));
    const last = theirs.length === 0 ? 0 : (theirs[theirs.length - 1]?.seq ?? 0);
    const visible = document.visibilityState === 'visible';
    const next = {
      deliveredSeq: Math.max(receiptsSent.current.deliveredSeq, last),
      readSeq: visible ? Math.max(receiptsSent.current.readSeq, last) : receiptsSent.current.readSeq,
    };
    if (
      next.deliveredSeq === receiptsSent.current.deliveredSeq &&
      next.readSeq === receiptsSent.current.readSeq
    )
      return;
    receiptsSent.current = next;
    void emitCommand<CommandAck>('consultations.receipt', { consultationId, ...next }).catch(() =>
      consultationsApi.receipts(consultationId, next).catch(() => {
        // Sent again with the next message or visit.
        receiptsSent.current = { deliveredSeq: 0, readSeq: 0 };
      }),
    );
  }, [consultationId, myAccountId]);

  useEffect(() => {
    if (status === 'ready') sendReceipts();
  }, [messages, status, sendReceipts]);
  useEffect(() => {
    document.addEventListener('visibilitychange', sendReceipts);
    return () => document.removeEventListener('visibilitychange', sendReceipts);
  }, [sendReceipts]);

  const loadOlder = useCallback(() => {
    const first = held.current[0];
    if (!first || loadingOlder) return;
    setLoadingOlder(true);
    consultationsApi
      .messages(consultationId, { before: first.seq, limit: PAGE })
      .then((page) => {
        merge(page.items);
        setHasOlder(page.hasMore);
      })
      .catch(() => undefined)
      .finally(() => setLoadingOlder(false));
  }, [consultationId, loadingOlder, merge]);

  const send = useCallback<Conversation['send']>(
    (draft) => {
      const item: OutboxItem = { ...draft, state: 'sending', createdAt: new Date().toISOString() };
      updateOutbox((items) => [...items, item]);
      void deliver(item);
    },
    [deliver, updateOutbox],
  );

  const retry = useCallback(
    (clientId: string) => {
      const item = outboxRef.current.find((i) => i.clientId === clientId);
      if (!item) return;
      const again: OutboxItem = { ...item, state: 'sending', error: undefined };
      updateOutbox((items) => items.map((i) => (i.clientId === clientId ? again : i)));
      void deliver(again);
    },
    [deliver, updateOutbox],
  );

  const discard = useCallback(
    (clientId: string) => updateOutbox((items) => items.filter((i) => i.clientId !== clientId)),
    [updateOutbox],
  );

  return {
    messages,
    outbox,
    status,
    hasOlder,
    loadingOlder,
    loadOlder,
    peer,
    send,
    retry,
    discard,
    reload: () => setAttempt((n) => n + 1),
  };
}
