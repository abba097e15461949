import type { RecordDocument } from '@careloop/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button } from 'antd-mobile';
import { CameraOutline, FolderOutline } from 'antd-mobile-icons';
import { useId, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { localizedFieldErrors } from '../../../api/field-errors.ts';
import { SelectField, TextField } from '../../../ui/Field.tsx';
import { ErrorNotice } from '../../../ui/Notice.tsx';
import { uploadDocument } from '../api/records.api.ts';
import { recordKeys } from '../hooks/record-keys.ts';
import { checkDocumentFile, titleFromFileName } from '../lib/document-checks.ts';
import { formatBytes } from '../lib/units.ts';

export const DOCUMENT_KINDS = [
  'lab_report',
  'checkup_report',
  'imaging',
  'discharge_summary',
  'prescription',
  'photo',
  'other',
] as const;

interface DocumentUploadFormProps {
  patientId: string;
  onDone: (uploaded: RecordDocument | null) => void;
}

/** Upload a photo (the phone's camera opens) or a PDF, with a progress bar; size and type are checked first. */
export function DocumentUploadForm({ patientId, onDone }: DocumentUploadFormProps) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const fileErrorId = useId();
  const [kind, setKind] = useState<RecordDocument['kind']>('lab_report');
  const [title, setTitle] = useState('');
  const [date, setDate] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [tried, setTried] = useState(false);
  const [percent, setPercent] = useState(0);
  const abort = useRef<AbortController | null>(null);
  const problem = file ? checkDocumentFile(file) : null;
  const upload = useMutation({
    mutationFn: (chosen: File) => {
      abort.current = new AbortController();
      return uploadDocument(
        patientId,
        {
          kind,
          title: title.trim() || titleFromFileName(chosen.name),
          documentDate: date || undefined,
          file: chosen,
        },
        (p) => setPercent(Math.round((p.loaded / Math.max(p.total, 1)) * 100)),
        abort.current.signal,
      );
    },
    onSuccess: (doc) => {
      void queryClient.invalidateQueries({ queryKey: recordKeys.all(patientId) });
      onDone(doc);
    },
  });
  const server = localizedFieldErrors(upload.error);
  const aborted = upload.error instanceof DOMException && upload.error.name === 'AbortError';
  const fileError =
    server.file ??
    (problem?.code === 'too_large'
      ? t('documents.tooLarge', { size: formatBytes(problem.size, i18n.language) })
      : problem?.code === 'bad_type'
        ? t('documents.badType')
        : tried && !file
          ? t('documents.fileRequired')
          : undefined);

  function choose(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0] ?? null;
    event.target.value = '';
    if (!chosen) return;
    setFile(chosen);
    setPercent(0);
    upload.reset();
    if (chosen.type.startsWith('image/') && kind === 'lab_report' && event.target.hasAttribute('capture'))
      setKind('photo');
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (file && !problem) upload.mutate(file);
  }

  return (
    <form
      className="card"
      onSubmit={submit}
      noValidate
      aria-labelledby="doc-upload-title"
      data-testid="document-form"
    >
      <h2 id="doc-upload-title">{t('documents.uploadTitle')}</h2>
      <p className="muted" style={{ marginBottom: 8 }}>
        {t('documents.fileHint')}
      </p>
      <div className="actions" style={{ marginTop: 0, marginBottom: 8 }}>
        <label className="file-button">
          <input
            type="file"
            accept="image/*"
            capture="environment"
            className="sr-only"
            onChange={choose}
            aria-describedby={fileError ? fileErrorId : undefined}
            data-testid="document-camera"
          />
          <CameraOutline aria-hidden="true" /> {t('documents.takePhoto')}
        </label>
        <label className="file-button">
          <input
            type="file"
            accept="application/pdf,image/jpeg,image/png,image/webp,image/heic,.heic,.heif"
            className="sr-only"
            onChange={choose}
            aria-describedby={fileError ? fileErrorId : undefined}
            data-testid="document-file"
          />
          <FolderOutline aria-hidden="true" /> {t('documents.file')}
        </label>
      </div>
      {file && (
        <p data-testid="document-chosen">
          {t('documents.chosen', { name: file.name, size: formatBytes(file.size, i18n.language) })}
        </p>
      )}
      {fileError && (
        <p className="field-error" id={fileErrorId} role="alert" style={{ marginBottom: 8 }}>
          {fileError}
        </p>
      )}
      <SelectField
        label={t('documents.kind')}
        value={kind}
        onChange={setKind}
        options={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`documents.kinds.${k}`) }))}
        error={server.kind}
        testId="document-kind"
      />
      <TextField
        label={t('documents.docTitle')}
        value={title}
        onChange={setTitle}
        placeholder={file ? titleFromFileName(file.name) : undefined}
        maxLength={200}
        error={server.title}
        optional
        testId="document-title"
      />
      <TextField
        label={t('documents.documentDate')}
        type="date"
        value={date}
        onChange={setDate}
        error={server.documentDate}
        optional
      />
      {upload.isPending && (
        <div className="field" data-testid="document-progress">
          <progress className="progress" max={100} value={percent} aria-label={t('documents.progress')} />
          <span role="status">{t('documents.uploading', { percent })}</span>
        </div>
      )}
      {upload.error && !aborted && !server.file && <ErrorNotice error={upload.error} />}
      <div className="actions">
        {upload.isPending ? (
          <Button type="button" color="danger" fill="outline" onClick={() => abort.current?.abort()}>
            {t('documents.cancel')}
          </Button>
        ) : (
          <>
            <Button type="submit" color="primary" data-testid="document-upload">
              {t('documents.upload')}
            </Button>
            <Button type="button" onClick={() => onDone(null)}>
              {t('common.cancel')}
            </Button>
          </>
        )}
      </div>
    </form>
  );
}
