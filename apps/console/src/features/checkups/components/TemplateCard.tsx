import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../../lib/problems';
import { checkupsApi } from '../api/checkups-api';

type TemplateFormat = 'xlsx' | 'csv';

/** The import template, in Excel and CSV, with its columns named in the person's language by the server. */
export function TemplateCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [pending, setPending] = useState<TemplateFormat | null>(null);

  async function download(format: TemplateFormat) {
    setPending(format);
    try {
      await checkupsApi.downloadTemplate(format, `${t('checkupImport.templateFileName')}.${format}`);
    } catch (error) {
      void message.error(problemText(error, t));
    } finally {
      setPending(null);
    }
  }

  return (
    <Card title={<h2 className="card-heading">{t('checkupImport.templateTitle')}</h2>}>
      <Typography.Paragraph>{t('checkupImport.templateIntro')}</Typography.Paragraph>
      <Space wrap>
        <Button
          data-testid="template-xlsx"
          icon={<DownloadOutlined aria-hidden />}
          loading={pending === 'xlsx'}
          onClick={() => void download('xlsx')}
        >
          {t('checkupImport.templateXlsx')}
        </Button>
        <Button
          data-testid="template-csv"
          icon={<DownloadOutlined aria-hidden />}
          loading={pending === 'csv'}
          onClick={() => void download('csv')}
        >
          {t('checkupImport.templateCsv')}
        </Button>
      </Space>
      <Typography.Paragraph className="checkup-import__formats">
        {t('checkupImport.formats')}
      </Typography.Paragraph>
    </Card>
  );
}
