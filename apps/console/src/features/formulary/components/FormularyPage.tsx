import { DownloadOutlined, EditOutlined, UploadOutlined } from '@ant-design/icons';
import type { FormularyDrug, FormularyImportResult } from '@careloop/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Drawer,
  Form,
  Input,
  InputNumber,
  Progress,
  Space,
  Switch,
  Table,
  Tag,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ToneTag } from '../../records/components/ToneTag';
import '../../records/records.css';
import { ApiError } from '../../../api/client';
import { PageTitle } from '../../../components/PageTitle';
import { QueryError } from '../../../components/QueryError';
import { applyFieldErrors, problemText } from '../../../lib/problems';
import { hasAnyRole, useStaffMe } from '../../auth/hooks/use-me';
import { pharmacyApi } from '../../prescribing/api/pharmacy-api';
import { InteractionsCard } from './InteractionsCard';

const PAGE = 50;

function StockCell({ drug, onSaved }: { drug: FormularyDrug; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [value, setValue] = useState<number | null>(drug.stock?.onHand ?? 0);
  async function save() {
    if (value === null || value === (drug.stock?.onHand ?? 0)) return;
    try {
      await pharmacyApi.setStock(drug.id, value);
      void message.success(t('pharmacy.formulary.stockSaved'));
      onSaved();
    } catch (error) {
      void message.error(problemText(error, t));
    }
  }
  return (
    <InputNumber
      min={0}
      value={value}
      onChange={setValue}
      onBlur={() => void save()}
      onPressEnter={() => void save()}
      aria-label={t('pharmacy.formulary.stockLabel', { name: drug.name })}
      data-testid={`stock-${drug.code}`}
      style={{ width: 96 }}
    />
  );
}

interface EditValues {
  brandZh?: string;
  brandEn?: string;
  priceYuan: number;
  maxDailyValue?: number | null;
  active: boolean;
  source: string;
}

function EditDrawer({ drug, onClose }: { drug: FormularyDrug; onClose: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditValues>();
  const [busy, setBusy] = useState(false);
  async function submit(v: EditValues) {
    setBusy(true);
    try {
      await pharmacyApi.updateDrug(drug.id, {
        brandZh: v.brandZh?.trim() || null,
        brandEn: v.brandEn?.trim() || null,
        priceCents: Math.round(v.priceYuan * 100),
        maxDailyDose:
          v.maxDailyValue && drug.maxDailyDose
            ? { value: v.maxDailyValue, unit: drug.maxDailyDose.unit }
            : drug.maxDailyDose,
        active: v.active,
        source: v.source,
        version: drug.version,
      });
      void message.success(t('pharmacy.formulary.saved'));
      onClose(true);
    } catch (error) {
      if (!applyFieldErrors(form, error)) void message.error(problemText(error, t));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Drawer
      open
      title={`${t('pharmacy.formulary.editTitle')} · ${drug.name}`}
      onClose={() => onClose(false)}
      width={480}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{
          brandZh: drug.brandZh ?? '',
          brandEn: drug.brandEn ?? '',
          priceYuan: drug.priceCents / 100,
          maxDailyValue: drug.maxDailyDose?.value ?? null,
          active: drug.active,
          source: drug.source,
        }}
      >
        <Form.Item name="brandZh" label={`${t('pharmacy.formulary.brand')} (中文)`}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="brandEn" label={`${t('pharmacy.formulary.brand')} (English)`}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="priceYuan" label={t('pharmacy.formulary.price')} rules={[{ required: true }]}>
          <InputNumber min={0} step={0.01} precision={2} />
        </Form.Item>
        {drug.maxDailyDose ? (
          <Form.Item
            name="maxDailyValue"
            label={`${t('pharmacy.formulary.maxDaily')} (${drug.maxDailyDose.unit})`}
          >
            <InputNumber min={0} />
          </Form.Item>
        ) : null}
        <Form.Item name="source" label="Source" rules={[{ required: true }]}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="active" label={t('pharmacy.formulary.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('common.save')}
        </Button>
      </Form>
    </Drawer>
  );
}

/** 药品目录: search, stock (admins and pharmacists), edits (admins), and the Excel round trip. */
/** Package units the formulary ships with, shown in the reader's language; others are shown as written. */
const KNOWN_UNITS = new Set(['tablet', 'capsule', 'sachet', 'dose']);

export function FormularyPage() {
  const { t, i18n } = useTranslation();
  const me = useStaffMe();
  const admin = hasAnyRole(me, ['org_admin']);
  const client = useQueryClient();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<FormularyDrug | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<FormularyImportResult | null>(null);
  const [problems, setProblems] = useState<{ row: string; column: string; message: string }[] | null>(null);
  const [importError, setImportError] = useState<string | null>(null);
  const drugs = useQuery({
    queryKey: ['pharmacy', 'formulary', q, page],
    queryFn: () =>
      pharmacyApi.searchDrugs(q, { includeInactive: true, limit: PAGE, offset: (page - 1) * PAGE }),
  });
  const refresh = () => void client.invalidateQueries({ queryKey: ['pharmacy', 'formulary'] });

  async function importFile(file: File) {
    setResult(null);
    setProblems(null);
    setImportError(null);
    setProgress(0);
    try {
      const { body } = await pharmacyApi.importFormulary(file, setProgress);
      setResult(body);
      refresh();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'FORMULARY_IMPORT_INVALID') {
        setProblems(
          error.errors.map((e) => {
            const [, row = '', ...column] = e.path.split('.');
            return { row, column: column.join('.'), message: e.message };
          }),
        );
      } else setImportError(problemText(error, t));
    } finally {
      setProgress(null);
    }
  }

  return (
    <div data-testid="formulary-page">
      <PageTitle
        extra={
          <Space wrap>
            <Button
              icon={<DownloadOutlined aria-hidden />}
              onClick={() => void pharmacyApi.exportFormulary()}
            >
              {t('pharmacy.formulary.export')}
            </Button>
            {admin ? (
              <Upload
                accept=".xlsx"
                showUploadList={false}
                beforeUpload={(file) => {
                  void importFile(file);
                  return false;
                }}
              >
                <Button icon={<UploadOutlined aria-hidden />} data-testid="formulary-import">
                  {t('pharmacy.formulary.import')}
                </Button>
              </Upload>
            ) : null}
          </Space>
        }
      >
        {t('pharmacy.formulary.title')}
      </PageTitle>
      <div aria-live="polite">
        {progress !== null ? (
          <div>
            {t('pharmacy.formulary.importing')} <Progress percent={Math.round(progress * 100)} size="small" />
          </div>
        ) : null}
        {result ? (
          <Alert type="success" showIcon message={t('pharmacy.formulary.importDone', result)} />
        ) : null}
        {importError ? <Alert type="error" showIcon message={importError} /> : null}
        {problems ? (
          <Alert
            type="error"
            showIcon
            message={t('pharmacy.formulary.importProblems', { count: problems.length })}
            description={
              <Table
                size="small"
                rowKey={(p) => `${p.row}-${p.column}-${p.message}`}
                pagination={false}
                dataSource={problems}
                columns={[
                  { title: t('pharmacy.formulary.row'), dataIndex: 'row', width: 64 },
                  { title: t('pharmacy.formulary.column'), dataIndex: 'column' },
                  { title: t('pharmacy.formulary.problem'), dataIndex: 'message' },
                ]}
              />
            }
          />
        ) : null}
      </div>
      <Input.Search
        allowClear
        placeholder={t('pharmacy.formulary.search')}
        aria-label={t('pharmacy.formulary.search')}
        onSearch={(v) => {
          setQ(v.trim());
          setPage(1);
        }}
        style={{ maxWidth: 420, margin: '12px 0' }}
        data-testid="formulary-search"
      />
      {drugs.isError ? (
        <QueryError error={drugs.error} onRetry={() => void drugs.refetch()} />
      ) : (
        <Table<FormularyDrug>
          rowKey="id"
          size="small"
          loading={drugs.isPending}
          dataSource={drugs.data?.items ?? []}
          pagination={{
            current: page,
            pageSize: PAGE,
            total: drugs.data?.total ?? 0,
            showSizeChanger: false,
            onChange: setPage,
            showTotal: (total) => t('pharmacy.formulary.total', { total }),
          }}
          columns={[
            { title: t('pharmacy.formulary.code'), dataIndex: 'code' },
            {
              title: t('pharmacy.formulary.name'),
              render: (_, d) => (i18n.language.startsWith('zh') ? d.genericZh : d.genericEn),
            },
            { title: t('pharmacy.formulary.brand'), render: (_, d) => d.brandZh ?? d.brandEn ?? '' },
            { title: 'ATC', dataIndex: 'atc' },
            {
              title: t('pharmacy.formulary.strength'),
              render: (_, d) => `${d.strength.value} ${d.strength.unit}`,
            },
            {
              title: t('pharmacy.formulary.package'),
              render: (_, d) =>
                `${d.packageSize} ${
                  KNOWN_UNITS.has(d.packageUnit)
                    ? t(`pharmacy.packageUnits.${d.packageUnit as 'tablet'}`)
                    : d.packageUnit
                }`,
            },
            { title: t('pharmacy.formulary.price'), render: (_, d) => (d.priceCents / 100).toFixed(2) },
            {
              title: t('pharmacy.formulary.stock'),
              render: (_, d) => <StockCell key={`${d.id}-${d.stock?.onHand}`} drug={d} onSaved={refresh} />,
            },
            {
              title: t('pharmacy.formulary.active'),
              render: (_, d) =>
                d.active ? (
                  <ToneTag tone="green">{t('pharmacy.formulary.active')}</ToneTag>
                ) : (
                  <Tag>{t('pharmacy.formulary.inactive')}</Tag>
                ),
            },
            ...(admin
              ? [
                  {
                    title: '',
                    render: (_: unknown, d: FormularyDrug) => (
                      <Button
                        size="small"
                        icon={<EditOutlined aria-hidden />}
                        onClick={() => setEditing(d)}
                        aria-label={`${t('pharmacy.formulary.edit')} ${d.name}`}
                      />
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      <InteractionsCard admin={admin} />
      {editing ? (
        <EditDrawer
          drug={editing}
          onClose={(saved) => {
            setEditing(null);
            if (saved) refresh();
          }}
        />
      ) : null}
    </div>
  );
}
