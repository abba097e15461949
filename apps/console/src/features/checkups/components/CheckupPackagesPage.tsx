import type { CheckupPackage } from '@careloop/contracts';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../../components/PageTitle';
import { QueryError } from '../../../components/QueryError';
import { useAnalytes } from '../hooks/use-mappings';
import { usePackages } from '../hooks/use-packages';
import { analyteName } from '../lib/analytes';
import { formatPrice } from '../lib/price';
import '../checkups.css';
import { PackageModal } from './PackageModal';

/** The organization's checkup packages (体检套餐): what each includes, its price, whether it is offered. */
export function CheckupPackagesPage() {
  const { t, i18n } = useTranslation();
  const packages = usePackages();
  const analytes = useAnalytes();
  // null: a new package; a package: an edit; undefined: no dialog.
  const [editing, setEditing] = useState<CheckupPackage | null | undefined>(undefined);

  const columns: TableColumnsType<CheckupPackage> = [
    { title: t('checkupPackages.code'), dataIndex: 'code', key: 'code', width: 160 },
    {
      title: t('checkupPackages.nameZh'),
      key: 'nameZh',
      width: 180,
      render: (_, p) => <span lang="zh-CN">{p.nameZh}</span>,
    },
    {
      title: t('checkupPackages.nameEn'),
      key: 'nameEn',
      width: 200,
      render: (_, p) => <span lang="en">{p.nameEn}</span>,
    },
    {
      title: t('checkupPackages.items'),
      key: 'items',
      render: (_, p) =>
        p.itemCodes.length === 0 ? (
          t('common.none')
        ) : (
          <span className="checkup-packages__items">
            {p.itemCodes.map((code) => (
              <Tag key={code}>{analyteName(analytes.data, code, i18n.language)}</Tag>
            ))}
          </span>
        ),
    },
    {
      title: t('checkupPackages.price'),
      key: 'price',
      width: 120,
      render: (_, p) => (p.priceCents === null ? '' : formatPrice(p.priceCents, i18n.language)),
    },
    {
      title: t('checkupPackages.active'),
      key: 'active',
      width: 90,
      render: (_, p) => (p.active ? t('common.yes') : t('common.no')),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      render: (_, p) => (
        <Button size="small" onClick={() => setEditing(p)} aria-label={`${t('common.edit')} ${p.code}`}>
          {t('common.edit')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageTitle
        extra={
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing(null)}>
            {t('checkupPackages.createTitle')}
          </Button>
        }
      >
        {t('checkupPackages.title')}
      </PageTitle>
      {packages.error ? <QueryError error={packages.error} onRetry={() => void packages.refetch()} /> : null}
      <Table<CheckupPackage>
        rowKey="id"
        columns={columns}
        dataSource={packages.data ?? []}
        loading={packages.isPending}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t('checkupPackages.empty') }}
      />
      {editing !== undefined ? <PackageModal pkg={editing} onClose={() => setEditing(undefined)} /> : null}
    </>
  );
}
