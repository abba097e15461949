import type { RecordDocument } from '@careloop/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button } from 'antd-mobile';
import { UploadOutline } from 'antd-mobile-icons';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { InlineConfirm } from '../../../ui/InlineConfirm.tsx';
import { Loading } from '../../../ui/Loading.tsx';
import { ErrorNotice, Notice } from '../../../ui/Notice.tsx';
import { saveFile } from '../api/http.ts';
import { deleteDocument, fetchDocumentContent } from '../api/records.api.ts';
import { recordKeys } from '../hooks/record-keys.ts';
import { useDocuments } from '../hooks/useRecordQueries.ts';
import { formatBytes } from '../lib/units.ts';
import { DocumentUploadForm } from './DocumentUploadForm.tsx';
import { formatDate, formatDay } from './format.ts';
import { ActingFor, RecordFrame, type RecordContext } from './RecordFrame.tsx';
import { SourceTag } from './RecordTags.tsx';

interface Preview {
  docId: string;
  url: string;
}

function DocumentItem({
  patientId,
  doc,
  editable,
}: {
  patientId: string;
  doc: RecordDocument;
  editable: boolean;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [preview, setPreview] = useState<Preview | null>(null);
  // A preview's blob URL lives as long as it is shown.
  useEffect(() => () => (preview ? URL.revokeObjectURL(preview.url) : undefined), [preview]);
  const open = useMutation({
    mutationFn: () => fetchDocumentContent(patientId, doc),
    onSuccess: (file) => {
      if (file.type.startsWith('image/') && file.type !== 'image/heic') {
        setPreview({ docId: doc.id, url: URL.createObjectURL(file.blob) });
      } else saveFile(file);
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteDocument(patientId, doc.id),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: recordKeys.all(patientId) }),
  });
  return (
    <li className="item" data-testid="document-item">
      <div className="item-title">
        <span>{doc.title}</span>
      </div>
      <p className="muted">
        {t('documents.meta', {
          kind: t(`documents.kinds.${doc.kind}`),
          size: formatBytes(doc.sizeBytes, i18n.language),
        })}
        {doc.documentDate ? ` · ${formatDate(doc.documentDate, i18n.language)}` : ''}
      </p>
      <div className="entry-meta">
        <SourceTag source={doc.source} org={doc.sourceOrg} />
        <span>{formatDay(doc.createdAt, i18n.language)}</span>
      </div>
      <div className="entry-actions">
        {preview ? (
          <Button size="small" fill="outline" onClick={() => setPreview(null)}>
            {t('documents.close')}
          </Button>
        ) : (
          <Button
            size="small"
            color="primary"
            fill="outline"
            loading={open.isPending}
            onClick={() => open.mutate()}
            data-testid="document-open"
          >
            {t('documents.open')}
          </Button>
        )}
        {editable && (
          <InlineConfirm
            label={t('entries.delete')}
            question={t('entries.deleteConfirm')}
            onConfirm={() => remove.mutate()}
            busy={remove.isPending}
            testId="document-delete"
          />
        )}
      </div>
      <ErrorNotice error={open.error ?? remove.error} />
      {preview && (
        <figure className="doc-preview" style={{ margin: 0 }} data-testid="document-preview">
          <img src={preview.url} alt={t('documents.preview', { title: doc.title })} />
        </figure>
      )}
    </li>
  );
}

function DocumentsBody({ patientId, acting, canEdit }: RecordContext) {
  const { t } = useTranslation();
  const documents = useDocuments(patientId);
  const [uploading, setUploading] = useState(false);
  const [uploaded, setUploaded] = useState<string | null>(null);
  return (
    <>
      <ActingFor acting={acting} />
      {uploaded && <Notice tone="success">{t('documents.uploaded', { title: uploaded })}</Notice>}
      {canEdit &&
        (uploading ? (
          <DocumentUploadForm
            patientId={patientId}
            onDone={(doc) => {
              setUploading(false);
              setUploaded(doc?.title ?? null);
            }}
          />
        ) : (
          <Button
            block
            color="primary"
            onClick={() => {
              setUploaded(null);
              setUploading(true);
            }}
            data-testid="document-add"
          >
            <UploadOutline aria-hidden="true" /> {t('documents.upload')}
          </Button>
        ))}
      {documents.isPending && <Loading />}
      <ErrorNotice error={documents.error} />
      {documents.data?.length === 0 && (
        <EmptyState title={t('documents.empty')} body={canEdit ? t('documents.emptyBody') : undefined} />
      )}
      {documents.data && documents.data.length > 0 && (
        <ul className="items" aria-label={t('documents.title')} data-testid="document-list">
          {documents.data.map((doc) => (
            <DocumentItem
              key={doc.id}
              patientId={patientId}
              doc={doc}
              editable={canEdit && doc.source === 'self'}
            />
          ))}
        </ul>
      )}
    </>
  );
}

/** 资料/文件: photos and PDFs of reports and letters, uploaded by the patient or added by the hospital. */
export function DocumentsPage() {
  const { t } = useTranslation();
  return (
    <RecordFrame title={t('documents.title')} backTo="/records">
      {(record) => <DocumentsBody key={record.patientId} {...record} />}
    </RecordFrame>
  );
}
