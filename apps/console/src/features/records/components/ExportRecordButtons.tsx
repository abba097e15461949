import { DownloadOutlined, FilePdfOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n';
import { problemText } from '../../../lib/problems';
import { recordsApi } from '../api/records-api';
import { fetchFile, saveBlob } from '../../../api/files';

type Format = 'pdf' | 'json';

/** The whole record as a PDF (in the UI language) or as JSON, fetched with the session and saved as a file. */
export function ExportRecordButtons({ patientId, name }: { patientId: string; name: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<Format | null>(null);

  async function download(format: Format) {
    setBusy(format);
    try {
      const lang = currentLanguage();
      const file = await fetchFile(
        recordsApi.exportPath(patientId, format),
        format === 'pdf' ? { lang } : undefined,
      );
      const day = new Date().toISOString().slice(0, 10);
      saveBlob(file.blob, file.name ?? `${name}-${day}.${format}`);
      void message.success(t('record.export.done'));
    } catch (error) {
      void message.error(problemText(error, t));
    } finally {
      setBusy(null);
    }
  }

  return (
    <Space wrap aria-label={t('record.export.label')} role="group">
      <Button
        icon={<FilePdfOutlined aria-hidden />}
        loading={busy === 'pdf'}
        onClick={() => void download('pdf')}
        data-testid="export-pdf"
      >
        {t('record.export.pdf')}
      </Button>
      <Button
        icon={<DownloadOutlined aria-hidden />}
        loading={busy === 'json'}
        onClick={() => void download('json')}
        data-testid="export-json"
      >
        {t('record.export.json')}
      </Button>
    </Space>
  );
}
