import type { Attachment, AttachmentKind, ConsultationMessage } from '@careloop/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../../api/api-error.ts';
import { emitCommand, useRealtimeStatus } from '../../../api/realtime.ts';
import { postMessage, uploadAttachment } from '../api/consult.api.ts';
import { newClientId, type OutboxMessage, type SendAttempt } from '../lib/outbox.ts';
import { chatOutbox, useOutboxPending } from './chat-outbox.ts';

/** A file on its way to the server, before its message can be sent (kept in memory only). */
export interface Upload {
  localId: string;
  kind: AttachmentKind;
  name: string;
  blob: Blob;
  durationMs?: number;
  /** For images: a local address to show the picture while it uploads. */
  previewUrl?: string;
  percent: number;
  error: unknown;
}

/** Worth sending again later: no answer, a timeout, too many at once, or a server fault. */
function isTransient(status: number): boolean {
  return status === 0 || status === 408 || status === 429 || status >= 500;
}

function sendBody(entry: OutboxMessage) {
  return {
    clientId: entry.clientId,
    kind: entry.kind,
    ...(entry.body !== undefined ? { body: entry.body } : {}),
    ...(entry.attachmentId !== undefined ? { attachmentId: entry.attachmentId } : {}),
  };
}

/**
 * Sends one waiting message: over the socket when it is connected (the fast path, acknowledged once stored), over
 * HTTP otherwise. Either way with the message's own clientId, so a repeat is stored once.
 */
export async function sendOnce(
  entry: OutboxMessage,
  socketUp: boolean,
  onStored: (m: ConsultationMessage) => void,
): Promise<SendAttempt> {
  if (socketUp) {
    const ack = await emitCommand('consultations.message.send', {
      consultationId: entry.consultationId,
      ...sendBody(entry),
    });
    if (ack.ok) {
      onStored(ack.message);
      return { status: 'sent', seq: ack.message.seq };
    }
    if (isTransient(ack.problem.status)) return { status: 'unsent' };
    return { status: 'refused', code: ack.problem.code, title: ack.problem.detail ?? ack.problem.title };
  }
  try {
    const message = await postMessage(entry.consultationId, sendBody(entry));
    onStored(message);
    return { status: 'sent', seq: message.seq };
  } catch (error) {
    if (error instanceof ApiError && !isTransient(error.status))
      return { status: 'refused', code: error.code, title: error.detail ?? error.title };
    return { status: 'unsent' };
  }
}

export interface ChatSend {
  pending: readonly OutboxMessage[];
  uploads: readonly Upload[];
  sendText: (text: string) => void;
  sendFile: (file: { blob: Blob; name: string; kind: AttachmentKind; durationMs?: number }) => void;
  retryUpload: (localId: string) => void;
  discardUpload: (localId: string) => void;
  retryMessage: (clientId: string) => void;
  discardMessage: (clientId: string) => void;
}

/**
 * Typing a message puts it in the outbox first (so a reload or a dead network loses nothing), then sends what
 * waits, in order. Files upload first, with progress; their message then waits like any other. Whatever waits is
 * sent again when the connection or the network comes back.
 */
export function useChatSend(consultationId: string, onStored: (m: ConsultationMessage) => void): ChatSend {
  const pending = useOutboxPending(consultationId);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const status = useRealtimeStatus();
  const socketUp = status === 'connected';
  const stored = useRef(onStored);
  useEffect(() => {
    stored.current = onStored;
  }, [onStored]);

  const flush = useCallback(() => {
    void chatOutbox.flush(consultationId, (entry) => sendOnce(entry, socketUp, (m) => stored.current(m)));
  }, [consultationId, socketUp]);

  // On opening, on every (re)connection, and when the phone finds its network again.
  useEffect(() => {
    flush();
    window.addEventListener('online', flush);
    return () => window.removeEventListener('online', flush);
  }, [flush]);

  // A send that went unanswered on a live connection is tried again after a while too.
  const waiting = pending.some((e) => !e.refused);
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(flush, 15_000);
    return () => clearInterval(timer);
  }, [waiting, flush]);

  const enqueue = useCallback(
    (entry: Omit<OutboxMessage, 'clientId' | 'consultationId' | 'queuedAt'>) => {
      chatOutbox.add({
        ...entry,
        clientId: newClientId(),
        consultationId,
        queuedAt: new Date().toISOString(),
      });
      flush();
    },
    [consultationId, flush],
  );

  const sendText = useCallback((text: string) => enqueue({ kind: 'text', body: text }), [enqueue]);

  const patchUpload = useCallback((localId: string, change: Partial<Upload>) => {
    setUploads((list) => list.map((u) => (u.localId === localId ? { ...u, ...change } : u)));
  }, []);

  const removeUpload = useCallback((localId: string) => {
    setUploads((list) => {
      const gone = list.find((u) => u.localId === localId);
      if (gone?.previewUrl) URL.revokeObjectURL(gone.previewUrl);
      return list.filter((u) => u.localId !== localId);
    });
  }, []);

  const start = useCallback(
    (upload: Upload) => {
      uploadAttachment(consultationId, upload, (p) =>
        patchUpload(upload.localId, { percent: Math.round((p.loaded / Math.max(p.total, 1)) * 100) }),
      )
        .then((attachment: Attachment) => {
          removeUpload(upload.localId);
          enqueue({ kind: upload.kind, attachmentId: attachment.id, attachment });
        })
        .catch((error: unknown) => patchUpload(upload.localId, { error, percent: 0 }));
    },
    [consultationId, enqueue, patchUpload, removeUpload],
  );

  const sendFile = useCallback(
    (file: { blob: Blob; name: string; kind: AttachmentKind; durationMs?: number }) => {
      const upload: Upload = {
        ...file,
        localId: newClientId(),
        previewUrl: file.kind === 'image' ? URL.createObjectURL(file.blob) : undefined,
        percent: 0,
        error: null,
      };
      setUploads((list) => [...list, upload]);
      start(upload);
    },
    [start],
  );

  const uploadsRef = useRef(uploads);
  useEffect(() => {
    uploadsRef.current = uploads;
  }, [uploads]);

  const retryUpload = useCallback(
    (localId: string) => {
      const upload = uploadsRef.current.find((u) => u.localId === localId);
      if (!upload) return;
      patchUpload(localId, { error: null, percent: 0 });
      start({ ...upload, error: null, percent: 0 });
    },
    [patchUpload, start],
  );

  const retryMessage = useCallback(
    (clientId: string) => {
      chatOutbox.retry(consultationId, clientId);
      flush();
    },
    [consultationId, flush],
  );

  const discardMessage = useCallback(
    (clientId: string) => chatOutbox.remove(consultationId, [clientId]),
    [consultationId],
  );

  return {
    pending,
    uploads,
    sendText,
    sendFile,
    retryUpload,
    discardUpload: removeUpload,
    retryMessage,
    discardMessage,
  };
}
