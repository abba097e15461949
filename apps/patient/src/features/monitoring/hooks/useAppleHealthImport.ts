import type { MonitoringImport } from '@careloop/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { recordKeys } from '../../records/hooks/record-keys.ts';
import { completeImport, createImport, fetchImport, importPartPath } from '../api/monitoring.api.ts';
import { putPart } from '../api/upload-part.ts';
import { partCount, partRange, phaseOf } from '../lib/import-file.ts';
import { isRetryable } from '../lib/outbox.ts';
import { monitoringKeys } from './monitoring-keys.ts';

export type ImportState =
  | { step: 'idle'; cancelled: boolean }
  | { step: 'upload'; loaded: number; total: number }
  | { step: 'processing'; importId: string }
  | { step: 'error'; error: unknown };

/** Tries a part again after a dropped connection or a server fault: 1 s, then 3 s, then gives up. */
const RETRY_DELAYS_MS = [1_000, 3_000];
/** How often a running import is asked for its progress. */
const POLL_MS = 1_000;

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = window.setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        window.clearTimeout(timer);
        reject(new DOMException('aborted', 'AbortError'));
      },
      { once: true },
    );
  });
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/**
 * An Apple Health export.xml sent in parts (each part is the n-th slice of the file), then read by the server
 * while the app asks for its progress, until it is done or has failed.
 */
export function useAppleHealthImport(patientId: string) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<ImportState>({ step: 'idle', cancelled: false });
  const abort = useRef<AbortController | null>(null);
  const importId = state.step === 'processing' ? state.importId : '';
  const progress = useQuery({
    queryKey: monitoringKeys.import(patientId, importId),
    queryFn: () => fetchImport(patientId, importId),
    enabled: importId !== '',
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status === 'done' || status === 'failed' ? false : POLL_MS;
    },
  });
  const finished = progress.data && (progress.data.status === 'done' || progress.data.status === 'failed');

  useEffect(() => {
    if (finished) {
      void queryClient.invalidateQueries({ queryKey: monitoringKeys.all(patientId) });
      void queryClient.invalidateQueries({ queryKey: recordKeys.all(patientId) });
    }
  }, [finished, patientId, queryClient]);

  useEffect(() => () => abort.current?.abort(), []);

  const start = useCallback(
    async (file: File) => {
      const controller = new AbortController();
      abort.current = controller;
      const total = file.size;
      setState({ step: 'upload', loaded: 0, total });
      try {
        const created = await createImport(patientId, { fileName: file.name, sizeBytes: total });
        const parts = partCount(total, created.partSize);
        for (let n = 0; n < parts; n += 1) {
          const [from, to] = partRange(n, created.partSize, total);
          const slice = file.slice(from, to);
          for (let attempt = 0; ; attempt += 1) {
            try {
              await putPart(
                importPartPath(patientId, created.id, n),
                slice,
                (loaded) => setState({ step: 'upload', loaded: from + loaded, total }),
                controller.signal,
              );
              break;
            } catch (error) {
              const delay = RETRY_DELAYS_MS[attempt];
              if (isAbort(error) || !isRetryable(error) || delay === undefined) throw error;
              await wait(delay, controller.signal);
            }
          }
        }
        const completed: MonitoringImport = await completeImport(patientId, created.id);
        queryClient.setQueryData(monitoringKeys.import(patientId, created.id), completed);
        setState({ step: 'processing', importId: created.id });
      } catch (error) {
        setState(isAbort(error) ? { step: 'idle', cancelled: true } : { step: 'error', error });
      } finally {
        if (abort.current === controller) abort.current = null;
      }
    },
    [patientId, queryClient],
  );

  const cancel = useCallback(() => abort.current?.abort(), []);
  const reset = useCallback(() => setState({ step: 'idle', cancelled: false }), []);
  const phase = progress.data ? phaseOf(progress.data.status) : null;
  return { state, progress, phase, start, cancel, reset };
}
