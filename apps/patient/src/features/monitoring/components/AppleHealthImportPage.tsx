import { Button } from 'antd-mobile';
import { FolderOutline } from 'antd-mobile-icons';
import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice, Notice } from '../../../ui/Notice.tsx';
import { ActingFor, RecordFrame, type RecordContext } from '../../records/components/RecordFrame.tsx';
import { formatBytes } from '../../records/lib/units.ts';
import { useAppleHealthImport } from '../hooks/useAppleHealthImport.ts';
import { checkImportFile } from '../lib/import-file.ts';
import { ImportProgress } from './ImportProgress.tsx';
import { ImportResult } from './ImportResult.tsx';
import '../monitoring.css';

function ImportBody({ patientId, acting, canEdit }: RecordContext) {
  const { t, i18n } = useTranslation();
  const fileErrorId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [tried, setTried] = useState(false);
  const upload = useAppleHealthImport(patientId);
  const { state, progress } = upload;
  if (!canEdit) return <Notice tone="info">{t('health.readOnly')}</Notice>;

  const problem = file ? checkImportFile(file) : null;
  const fileError = problem
    ? t(`monitoring.import.errors.${problem}`)
    : tried && !file
      ? t('monitoring.import.errors.required')
      : undefined;
  const finished =
    state.step === 'processing' && (progress.data?.status === 'done' || progress.data?.status === 'failed');
  const busy = state.step === 'upload' || (state.step === 'processing' && !finished);

  function choose(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0] ?? null;
    event.target.value = '';
    if (!chosen) return;
    setFile(chosen);
    upload.reset();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (file && !problem) void upload.start(file);
  }

  if (finished && progress.data) {
    return (
      <ImportResult
        imp={progress.data}
        onAgain={() => {
          setFile(null);
          setTried(false);
          upload.reset();
        }}
      />
    );
  }

  return (
    <>
      <ActingFor acting={acting} />
      <section className="card" aria-labelledby="import-how-title">
        <h2 id="import-how-title">{t('monitoring.import.howTitle')}</h2>
        <ol className="steps-list">
          <li>{t('monitoring.import.step1')}</li>
          <li>{t('monitoring.import.step2')}</li>
          <li>{t('monitoring.import.step3')}</li>
        </ol>
        <Notice tone="info">{t('monitoring.import.onlyXml')}</Notice>
      </section>
      <form
        className="card"
        onSubmit={submit}
        noValidate
        aria-labelledby="import-form-title"
        data-testid="import-form"
      >
        <h2 id="import-form-title">{t('monitoring.import.formTitle')}</h2>
        <div className="field">
          <label className={`file-button${busy ? ' is-disabled' : ''}`}>
            <input
              type="file"
              accept=".xml,text/xml,application/xml"
              className="sr-only"
              onChange={choose}
              disabled={busy}
              aria-invalid={fileError ? true : undefined}
              aria-describedby={fileError ? fileErrorId : undefined}
              data-testid="import-file"
            />
            <FolderOutline aria-hidden="true" /> {t('monitoring.import.choose')}
          </label>
          {file && (
            <span className="muted" data-testid="import-file-name">
              {t('monitoring.import.chosen', {
                name: file.name,
                size: formatBytes(file.size, i18n.language),
              })}
            </span>
          )}
          {fileError && (
            <span className="field-error" id={fileErrorId} role="alert">
              {fileError}
            </span>
          )}
        </div>
        {state.step === 'idle' && state.cancelled && (
          <Notice tone="info">{t('monitoring.import.cancelled')}</Notice>
        )}
        {state.step === 'error' && <ErrorNotice error={state.error} />}
        <ErrorNotice error={progress.error} />
        {(state.step === 'upload' || state.step === 'processing') && (
          <ImportProgress state={state} imp={progress.data} />
        )}
        <div className="actions">
          {state.step === 'upload' ? (
            <Button onClick={upload.cancel} data-testid="import-cancel">
              {t('monitoring.import.cancel')}
            </Button>
          ) : (
            <Button
              type="submit"
              color="primary"
              block
              loading={busy}
              disabled={busy}
              data-testid="import-start"
            >
              {t('monitoring.import.start')}
            </Button>
          )}
        </div>
      </form>
    </>
  );
}

/** 导入 Apple 健康数据: export.xml from the iPhone's Health app, sent in parts, with upload and reading progress. */
export function AppleHealthImportPage() {
  const { t } = useTranslation();
  return (
    <RecordFrame title={t('monitoring.import.title')} backTo="/monitoring/devices">
      {(record) => <ImportBody key={record.patientId} {...record} />}
    </RecordFrame>
  );
}
