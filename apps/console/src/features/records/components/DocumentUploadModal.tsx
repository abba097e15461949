import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal, Progress, Select, Upload, type ButtonProps } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { applyFieldErrors, problemText } from '../../../lib/problems';
import { useUploadDocument } from '../hooks/use-documents';
import { DOCUMENT_ACCEPT, checkDocumentFile, titleFromFileName, type FileRefusal } from '../lib/documents';
import { localizeFieldErrors } from '../lib/field-errors';
import { DOCUMENT_KINDS, type DocumentKind } from '../lib/record-types';

interface Values {
  kind: DocumentKind;
  title: string;
  documentDate?: string;
}

const REFUSAL_KEYS: Record<
  FileRefusal,
  'record.documents.tooLarge' | 'record.documents.emptyFile' | 'record.documents.wrongType'
> = {
  tooLarge: 'record.documents.tooLarge',
  empty: 'record.documents.emptyFile',
  wrongType: 'record.documents.wrongType',
};

/**
 * Upload one PDF or image: checked in the browser (type, size) before anything is sent, then sent with a progress
 * bar; the server checks again (it reads the bytes) and its refusal is shown as it words it.
 */
export function DocumentUploadModal({ patientId, onClose }: { patientId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const upload = useUploadDocument(patientId);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  function pick(next: File) {
    const refusal = checkDocumentFile(next);
    setProblem(null);
    if (refusal) {
      setFile(null);
      setFileError(t(REFUSAL_KEYS[refusal]));
      return;
    }
    setFileError(null);
    setFile(next);
    if (!form.getFieldValue('title')) form.setFieldValue('title', titleFromFileName(next.name));
    // A picture is most likely a photo of a paper; the person can still choose another kind.
    if (!form.isFieldTouched('kind') && next.type.startsWith('image/')) form.setFieldValue('kind', 'photo');
  }

  async function submit(values: Values) {
    if (!file) {
      setFileError(t('record.documents.fileRequired'));
      return;
    }
    setProblem(null);
    setProgress(0);
    abort.current = new AbortController();
    try {
      const stored = await upload.mutateAsync({
        file,
        kind: values.kind,
        title: values.title.trim(),
        documentDate: values.documentDate || undefined,
        onProgress: (fraction) => setProgress(Math.round(fraction * 100)),
        signal: abort.current.signal,
      });
      // The server answers 200 with the earlier document when the same file was uploaded before.
      if (stored.created) void message.success(t('record.documents.uploaded'));
      else void message.info(t('record.documents.duplicate'));
      onClose();
    } catch (error) {
      setProgress(null);
      if (isApiError(error, 'ABORTED')) return;
      if (!applyFieldErrors(form, localizeFieldErrors(error, t))) setProblem(problemText(error, t));
    }
  }

  return (
    <Modal
      open
      title={t('record.documents.uploadTitle')}
      okText={t('record.documents.upload')}
      cancelText={t('common.cancel')}
      confirmLoading={upload.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'document-submit' } as ButtonProps}
      destroyOnHidden
    >
      {problem ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={problem}
          className="form-alert"
          data-testid="document-problem"
        />
      ) : null}
      <Form<Values>
        form={form}
        name="upload-document"
        layout="vertical"
        initialValues={{ kind: 'lab_report' }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item
          label={t('record.documents.file')}
          required
          help={fileError ?? t('record.documents.fileHelp')}
          validateStatus={fileError ? 'error' : undefined}
          htmlFor="document-file"
        >
          <Upload
            accept={DOCUMENT_ACCEPT}
            maxCount={1}
            fileList={file ? [{ uid: 'file', name: file.name, status: 'done', size: file.size }] : []}
            beforeUpload={(next) => {
              pick(next);
              return false;
            }}
            onRemove={() => setFile(null)}
            id="document-file"
            data-testid="document-file"
          >
            <Button icon={<UploadOutlined aria-hidden />}>{t('record.documents.chooseFile')}</Button>
          </Upload>
        </Form.Item>
        <Form.Item
          name="title"
          label={t('record.documents.docTitle')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('record.fields.required', { field: t('record.documents.docTitle') }),
            },
          ]}
        >
          <Input maxLength={200} data-testid="document-title" />
        </Form.Item>
        <div className="form-row">
          <Form.Item name="kind" label={t('record.documents.kind')} rules={[{ required: true }]}>
            <Select
              options={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`record.documents.kinds.${k}`) }))}
            />
          </Form.Item>
          <Form.Item name="documentDate" label={t('record.documents.documentDate')}>
            <Input type="date" max={new Date().toISOString().slice(0, 10)} />
          </Form.Item>
        </div>
      </Form>
      {progress !== null ? (
        <Progress
          percent={progress}
          status={upload.isError ? 'exception' : 'active'}
          aria-label={t('record.documents.uploading', { percent: progress })}
          data-testid="document-progress"
        />
      ) : null}
    </Modal>
  );
}
