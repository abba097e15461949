import { useMutation } from '@tanstack/react-query';
import { Button } from 'antd-mobile';
import { DownlandOutline } from 'antd-mobile-icons';
import { useTranslation } from 'react-i18next';
import { ErrorNotice, Notice } from '../../../ui/Notice.tsx';
import { saveFile } from '../api/http.ts';
import { fetchRecordExport } from '../api/records.api.ts';

/** Download the whole record as JSON (machine-readable) or PDF (to read and print). */
export function ExportCard({ patientId }: { patientId: string }) {
  const { t, i18n } = useTranslation();
  const download = useMutation({
    mutationFn: async (format: 'json' | 'pdf') => {
      const file = await fetchRecordExport(patientId, format, i18n.language);
      saveFile(file);
      return file.name;
    },
  });
  const busy = download.isPending ? download.variables : null;
  return (
    <section className="card" aria-labelledby="export-title">
      <h2 id="export-title">{t('health.exportTitle')}</h2>
      <p className="muted">{t('health.exportHint')}</p>
      {download.isSuccess && (
        <Notice tone="success">{t('health.exportDone', { name: download.data })}</Notice>
      )}
      <ErrorNotice error={download.error} />
      <div className="actions">
        <Button
          color="primary"
          fill="outline"
          loading={busy === 'pdf'}
          disabled={busy !== null}
          onClick={() => download.mutate('pdf')}
          data-testid="export-pdf"
        >
          <DownlandOutline aria-hidden="true" /> {t('health.exportPdf')}
        </Button>
        <Button
          color="primary"
          fill="outline"
          loading={busy === 'json'}
          disabled={busy !== null}
          onClick={() => download.mutate('json')}
          data-testid="export-json"
        >
          <DownlandOutline aria-hidden="true" /> {t('health.exportJson')}
        </Button>
      </div>
    </section>
  );
}
