import type { RefusedCheckupFile } from '@careloop/contracts';
import { CloudUploadOutlined, DeleteOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, List, Progress, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { problemText } from '../../../lib/problems';
import { useUploadImport } from '../hooks/use-imports';
import {
  IMPORT_ACCEPT,
  MAX_FILES,
  MAX_FILE_BYTES,
  MAX_IMAGE_BYTES,
  checkImportFiles,
  formatBytes,
  formatOf,
  type RefusedFile,
} from '../lib/import-files';

/**
 * Picks one or many report files (drag and drop or the file dialog), checks them in the browser, uploads them
 * with a progress bar and hands the started job to the page.
 */
export function ImportUploader({ onStarted }: { onStarted: (jobId: string) => void }) {
  const { t } = useTranslation();
  const [files, setFiles] = useState<File[]>([]);
  const [refused, setRefused] = useState<RefusedFile<File>[]>([]);
  const [serverRefused, setServerRefused] = useState<RefusedCheckupFile[]>([]);
  const [fraction, setFraction] = useState<number | null>(null);
  const upload = useUploadImport();

  function add(batch: File[]) {
    const checked = checkImportFiles(files, batch);
    setRefused(checked.refused);
    setFiles([...files, ...checked.accepted]);
    setServerRefused([]);
    upload.reset();
  }

  async function start() {
    setFraction(0);
    setServerRefused([]);
    try {
      const created = await upload.mutateAsync({ files, onProgress: setFraction });
      setFiles([]);
      setRefused([]);
      setServerRefused(created.refused);
      onStarted(created.job.id);
    } catch {
      // Shown below from upload.error.
    } finally {
      setFraction(null);
    }
  }

  const uploading = fraction !== null;
  const uploadError = upload.error;

  return (
    <Card title={<h2 className="card-heading">{t('checkupImport.uploadTitle')}</h2>}>
      <Upload.Dragger
        multiple
        accept={IMPORT_ACCEPT}
        showUploadList={false}
        disabled={uploading}
        beforeUpload={(file, batch) => {
          // Called once per file with the whole batch: take the batch when its last file comes by.
          if (file === batch[batch.length - 1]) add(batch);
          return Upload.LIST_IGNORE;
        }}
        data-testid="import-dropzone"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined aria-hidden />
        </p>
        <p className="ant-upload-text">{t('checkupImport.dropHere')}</p>
        <p className="ant-upload-hint">
          {t('checkupImport.dropHint', {
            files: MAX_FILES,
            size: formatBytes(MAX_FILE_BYTES),
            imageSize: formatBytes(MAX_IMAGE_BYTES),
          })}
        </p>
      </Upload.Dragger>

      {refused.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          role="alert"
          className="checkup-import__alert"
          title={t('checkupImport.refusedInBrowser')}
          description={
            <ul className="plain-list">
              {refused.map(({ file, problem }) => (
                <li key={`${file.name}-${file.size}-${problem}`}>
                  {file.name}: {t(`checkupImport.fileProblems.${problem}`, { count: MAX_FILES })}
                </li>
              ))}
            </ul>
          }
        />
      ) : null}

      {files.length > 0 ? (
        <List
          className="checkup-import__files"
          aria-label={t('checkupImport.selectedFiles')}
          size="small"
          dataSource={files}
          renderItem={(file, index) => (
            <List.Item
              data-testid="import-file"
              actions={[
                <Button
                  key="remove"
                  type="text"
                  size="small"
                  icon={<DeleteOutlined aria-hidden />}
                  disabled={uploading}
                  aria-label={t('checkupImport.removeFile', { name: file.name })}
                  onClick={() => setFiles((current) => current.filter((_, i) => i !== index))}
                />,
              ]}
            >
              <span className="checkup-import__file-name">{file.name}</span>
              <Typography.Text type="secondary" className="nowrap">
                {t(`checkupImport.sourceFormats.${formatOf(file.name) ?? 'csv'}`)} · {formatBytes(file.size)}
              </Typography.Text>
            </List.Item>
          )}
        />
      ) : null}

      {uploading ? (
        <div className="checkup-import__upload-progress">
          <Typography.Text>{t('checkupImport.uploading')}</Typography.Text>
          <Progress
            percent={Math.round((fraction ?? 0) * 100)}
            status="active"
            aria-label={t('checkupImport.uploading')}
          />
        </div>
      ) : null}

      {uploadError ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          className="checkup-import__alert"
          title={problemText(uploadError, t)}
          description={
            uploadError instanceof ApiError && uploadError.errors.length > 0 ? (
              <ul className="plain-list">
                {uploadError.errors.map((e) => (
                  <li key={`${e.path}-${e.message}`}>
                    {e.path}: {e.message}
                  </li>
                ))}
              </ul>
            ) : undefined
          }
        />
      ) : null}

      {serverRefused.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          role="alert"
          className="checkup-import__alert"
          title={t('checkupImport.refusedByServer')}
          description={
            <ul className="plain-list">
              {serverRefused.map((file) => (
                <li key={`${file.name}-${file.code}`}>
                  {file.name}: {file.message}
                </li>
              ))}
            </ul>
          }
        />
      ) : null}

      <div className="checkup-import__actions">
        <Button
          type="primary"
          data-testid="import-start"
          icon={<CloudUploadOutlined aria-hidden />}
          disabled={files.length === 0}
          loading={uploading}
          onClick={() => void start()}
        >
          {files.length > 0
            ? t('checkupImport.startCount', { count: files.length })
            : t('checkupImport.start')}
        </Button>
      </div>
    </Card>
  );
}
