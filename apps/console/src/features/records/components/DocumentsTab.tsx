import { DeleteOutlined, DownloadOutlined, EyeOutlined, UploadOutlined } from '@ant-design/icons';
import type { RecordDocument } from '@careloop/contracts';
import { App, Button, Space, Popconfirm, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/QueryError';
import { problemText } from '../../../lib/problems';
import { fetchFile, openInNewTab, saveBlob } from '../../../api/files';
import { recordsApi } from '../api/records-api';
import { useDeleteDocument, useDocuments } from '../hooks/use-documents';
import { isPdf, isPreviewableImage } from '../lib/documents';
import { formatBytes, formatDay } from '../lib/format';
import '../records.css';
import { DocumentPreviewModal } from './DocumentPreviewModal';
import { DocumentUploadModal } from './DocumentUploadModal';
import { RecordCard } from './RecordCard';
import { SourceTag } from './SourceTag';

/** The record's documents (PDFs and images): open, download, upload and delete. Bytes come with the session only. */
export function DocumentsTab({ patientId, canEdit }: { patientId: string; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const documents = useDocuments(patientId);
  const remove = useDeleteDocument(patientId);
  const [uploading, setUploading] = useState(false);
  const [preview, setPreview] = useState<{ doc: RecordDocument; url: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const rows = documents.data?.pages.flatMap((page) => page.items) ?? [];
  const contentPath = (doc: RecordDocument) => recordsApi.documentContentPath(patientId, doc.id);

  async function run(doc: RecordDocument, action: () => Promise<void>) {
    setBusy(doc.id);
    try {
      await action();
    } catch (error) {
      void message.error(problemText(error, t));
    } finally {
      setBusy(null);
    }
  }

  const open = (doc: RecordDocument) =>
    run(doc, async () => {
      if (isPdf(doc.contentType)) {
        await openInNewTab(async () => (await fetchFile(contentPath(doc))).blob);
      } else if (isPreviewableImage(doc.contentType)) {
        const file = await fetchFile(contentPath(doc));
        setPreview({ doc, url: URL.createObjectURL(file.blob) });
      } else {
        const file = await fetchFile(contentPath(doc));
        saveBlob(file.blob, file.name ?? doc.title);
      }
    });
  const download = (doc: RecordDocument) =>
    run(doc, async () => {
      const file = await fetchFile(contentPath(doc));
      saveBlob(file.blob, file.name ?? doc.title);
    });
  async function removeDoc(doc: RecordDocument) {
    try {
      await remove.mutateAsync(doc.id);
      void message.success(t('record.documents.deleted'));
    } catch (error) {
      void message.error(problemText(error, t));
    }
  }

  const columns: TableColumnsType<RecordDocument> = [
    {
      key: 'title',
      title: t('record.documents.docTitle'),
      render: (_, doc) => (
        <Button
          type="link"
          className="document-title"
          onClick={() => void open(doc)}
          loading={busy === doc.id}
        >
          {doc.title}
        </Button>
      ),
    },
    {
      key: 'kind',
      title: t('record.documents.kind'),
      render: (_, doc) => t(`record.documents.kinds.${doc.kind}`),
    },
    {
      key: 'date',
      title: t('record.documents.date'),
      className: 'nowrap',
      render: (_, doc) => formatDay(doc.documentDate ?? doc.createdAt, i18n.language),
    },
    {
      key: 'size',
      title: t('record.documents.size'),
      className: 'nowrap',
      render: (_, doc) => formatBytes(doc.sizeBytes, i18n.language),
    },
    {
      key: 'source',
      title: t('record.documents.source'),
      render: (_, doc) => (
        <SourceTag source={doc.source} sourceOrg={doc.sourceOrg} recordedBy={doc.recordedBy?.name} />
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      className: 'nowrap',
      render: (_, doc) => (
        <Space size={4}>
          <Button
            size="small"
            type="link"
            icon={<EyeOutlined aria-hidden />}
            onClick={() => void open(doc)}
            aria-label={`${t('record.documents.open')} ${doc.title}`}
          >
            {t('record.documents.open')}
          </Button>
          <Button
            size="small"
            type="link"
            icon={<DownloadOutlined aria-hidden />}
            onClick={() => void download(doc)}
            aria-label={`${t('record.documents.download')} ${doc.title}`}
          >
            {t('record.documents.download')}
          </Button>
          {canEdit ? (
            <Popconfirm
              title={t('record.documents.deleteConfirm', { title: doc.title })}
              okText={t('record.sections.delete')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
              onConfirm={() => removeDoc(doc)}
            >
              <Button
                size="small"
                type="link"
                danger
                icon={<DeleteOutlined aria-hidden />}
                aria-label={`${t('record.sections.delete')} ${doc.title}`}
              >
                {t('record.sections.delete')}
              </Button>
            </Popconfirm>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <RecordCard
      title={t('record.documents.title')}
      testId="record-documents"
      extra={
        canEdit ? (
          <Button
            type="primary"
            size="small"
            icon={<UploadOutlined aria-hidden />}
            onClick={() => setUploading(true)}
            data-testid="document-upload"
          >
            {t('record.documents.upload')}
          </Button>
        ) : null
      }
    >
      {documents.isError ? (
        <QueryError error={documents.error} onRetry={() => void documents.refetch()} />
      ) : (
        <>
          <Table<RecordDocument>
            size="small"
            rowKey="id"
            loading={documents.isPending}
            columns={columns}
            dataSource={rows}
            pagination={false}
            locale={{ emptyText: t('record.documents.empty') }}
            onRow={() => ({ 'data-testid': 'document-row' }) as object}
            scroll={{ x: 'max-content' }}
          />
          {documents.hasNextPage ? (
            <div className="load-more">
              <Button onClick={() => void documents.fetchNextPage()} loading={documents.isFetchingNextPage}>
                {t('common.loadMore')}
              </Button>
            </div>
          ) : null}
        </>
      )}
      {uploading ? <DocumentUploadModal patientId={patientId} onClose={() => setUploading(false)} /> : null}
      {preview ? (
        <DocumentPreviewModal
          title={preview.doc.title}
          url={preview.url}
          onClose={() => {
            URL.revokeObjectURL(preview.url);
            setPreview(null);
          }}
        />
      ) : null}
    </RecordCard>
  );
}
