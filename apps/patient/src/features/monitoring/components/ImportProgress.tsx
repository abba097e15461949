import type { MonitoringImport } from '@careloop/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportState } from '../hooks/useAppleHealthImport.ts';
import { processedPercent } from '../lib/import-file.ts';

interface ImportProgressProps {
  state: Extract<ImportState, { step: 'upload' | 'processing' }>;
  imp: MonitoringImport | undefined;
}

/** Two bars in turn: sending the file, then the server reading it. */
export function ImportProgress({ state, imp }: ImportProgressProps) {
  const { t } = useTranslation();
  const labelId = useId();
  let percent: number;
  let text: string;
  if (state.step === 'upload') {
    percent = state.total > 0 ? Math.round((state.loaded / state.total) * 100) : 0;
    text = t('monitoring.import.uploading', { percent });
  } else if (!imp || imp.status === 'queued' || imp.status === 'uploading') {
    percent = 0;
    text = t('monitoring.import.queued');
  } else {
    percent = processedPercent(imp);
    text = t('monitoring.import.processing', { percent });
  }
  return (
    <div className="field" data-testid="import-progress" data-step={state.step}>
      <span id={labelId} className="field-label" aria-live="polite">
        {text}
      </span>
      <progress className="progress" max={100} value={percent} aria-labelledby={labelId} />
      {state.step === 'processing' && imp && imp.stored > 0 && (
        <span className="muted">{t('monitoring.import.storedSoFar', { count: imp.stored })}</span>
      )}
    </div>
  );
}
