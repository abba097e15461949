import type { DrugInteraction, DrugInteractionInput } from '@careloop/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Popconfirm, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ToneTag, type Tone } from '../../records/components/ToneTag';
import { QueryError } from '../../../components/QueryError';
import { applyFieldErrors, problemText } from '../../../lib/problems';
import { pharmacyApi } from '../../prescribing/api/pharmacy-api';

const SEVERITIES = ['contraindicated', 'major', 'moderate', 'minor'] as const;
const TONE: Record<DrugInteraction['severity'], Tone> = {
  contraindicated: 'red',
  major: 'orange',
  moderate: 'gold',
  minor: 'default',
};

/**
 * The organization's interaction table, which the safety check reads: pairs of ingredients (e.g. `simvastatin`)
 * or ATC class prefixes (e.g. `C09A`) with severity, what to tell the prescriber in zh and en, and the source.
 * Administrators add, change and remove pairs; the next check uses the table as it is then.
 */
export function InteractionsCard({ admin }: { admin: boolean }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<DrugInteraction | 'new' | null>(null);
  const [form] = Form.useForm<DrugInteractionInput>();
  const [saving, setSaving] = useState(false);
  const list = useQuery({
    queryKey: ['pharmacy', 'interactions'],
    queryFn: () => pharmacyApi.interactions(),
  });
  const needle = filter.trim().toLowerCase();
  const rows = (list.data?.items ?? []).filter(
    (x) =>
      !needle ||
      x.a.toLowerCase().includes(needle) ||
      x.b.toLowerCase().includes(needle) ||
      x.zh.includes(filter.trim()) ||
      x.en.toLowerCase().includes(needle),
  );
  const refresh = () => client.invalidateQueries({ queryKey: ['pharmacy', 'interactions'] });

  function open(row: DrugInteraction | 'new') {
    form.resetFields();
    if (row !== 'new') form.setFieldsValue(row);
    setEditing(row);
  }

  async function save(values: DrugInteractionInput) {
    setSaving(true);
    try {
      await pharmacyApi.saveInteraction(editing === 'new' || editing === null ? null : editing.id, values);
      void message.success(t('pharmacy.interactions.saved'));
      setEditing(null);
      await refresh();
    } catch (error) {
      if (!applyFieldErrors(form, error)) void message.error(problemText(error, t));
    } finally {
      setSaving(false);
    }
  }

  async function remove(row: DrugInteraction) {
    try {
      await pharmacyApi.deleteInteraction(row.id);
      void message.success(t('pharmacy.interactions.deleted'));
      await refresh();
    } catch (error) {
      void message.error(problemText(error, t));
    }
  }

  const required = [{ required: true, whitespace: true, message: t('pharmacy.interactions.required') }];
  return (
    <section className="card" aria-labelledby="interactions-title" data-testid="interactions-card">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <h2 id="interactions-title" className="card-heading">
          {t('pharmacy.interactions.title')}
        </h2>
        {admin ? (
          <Button onClick={() => open('new')} data-testid="interaction-add">
            {t('pharmacy.interactions.add')}
          </Button>
        ) : null}
      </Space>
      <p className="muted">{t('pharmacy.interactions.intro')}</p>
      <Input.Search
        allowClear
        aria-label={t('pharmacy.interactions.search')}
        placeholder={t('pharmacy.interactions.search')}
        onChange={(e) => setFilter(e.target.value)}
        style={{ maxWidth: 420, marginBottom: 12 }}
        data-testid="interaction-search"
      />
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<DrugInteraction>
          rowKey="id"
          size="small"
          loading={list.isPending}
          dataSource={rows}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          columns={[
            { title: t('pharmacy.interactions.a'), dataIndex: 'a' },
            { title: t('pharmacy.interactions.b'), dataIndex: 'b' },
            {
              title: t('pharmacy.interactions.severity'),
              render: (_, x) => (
                <ToneTag tone={TONE[x.severity]}>
                  {t(`pharmacy.interactions.severities.${x.severity}`)}
                </ToneTag>
              ),
            },
            {
              title: t('pharmacy.interactions.text'),
              render: (_, x) => (i18n.language.startsWith('zh') ? x.zh : x.en),
            },
            { title: t('pharmacy.interactions.source'), dataIndex: 'source' },
            ...(admin
              ? [
                  {
                    title: '',
                    render: (_: unknown, x: DrugInteraction) => (
                      <Space>
                        <Button size="small" onClick={() => open(x)}>
                          {t('pharmacy.interactions.edit')}
                        </Button>
                        <Popconfirm
                          title={t('pharmacy.interactions.deleteConfirm', { a: x.a, b: x.b })}
                          onConfirm={() => void remove(x)}
                        >
                          <Button size="small" danger>
                            {t('pharmacy.interactions.delete')}
                          </Button>
                        </Popconfirm>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('pharmacy.interactions.add') : t('pharmacy.interactions.edit')}
        okText={t('pharmacy.interactions.save')}
        confirmLoading={saving}
        onOk={() => form.submit()}
        onCancel={() => setEditing(null)}
        destroyOnHidden
        okButtonProps={{ 'data-testid': 'interaction-save' } as Record<`data-${string}`, string>}
      >
        <Form<DrugInteractionInput> form={form} layout="vertical" onFinish={(v) => void save(v)}>
          <Form.Item
            name="a"
            label={t('pharmacy.interactions.a')}
            rules={required}
            extra={t('pharmacy.interactions.sideHint')}
          >
            <Input maxLength={100} data-testid="interaction-a" />
          </Form.Item>
          <Form.Item name="b" label={t('pharmacy.interactions.b')} rules={required}>
            <Input maxLength={100} data-testid="interaction-b" />
          </Form.Item>
          <Form.Item
            name="severity"
            label={t('pharmacy.interactions.severity')}
            rules={[{ required: true, message: t('pharmacy.interactions.required') }]}
          >
            <Select
              options={SEVERITIES.map((s) => ({
                value: s,
                label: t(`pharmacy.interactions.severities.${s}`),
              }))}
              data-testid="interaction-severity"
            />
          </Form.Item>
          <Form.Item name="zh" label={t('pharmacy.interactions.zh')} rules={required}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
          <Form.Item name="en" label={t('pharmacy.interactions.en')} rules={required}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
          <Form.Item name="source" label={t('pharmacy.interactions.source')} rules={required}>
            <Input maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </section>
  );
}
