import type { PatientSummary } from '@careloop/contracts';
import { Button, Table, Tag, type TableColumnsType } from 'antd';

import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ageOn } from '../../../lib/format';

interface Props {
  rows: PatientSummary[];
  loading: boolean;
  emptyText: string;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
}

const rowProps = { 'data-testid': 'patient-row' } as HTMLAttributes<HTMLElement>;

export function PatientTable({ rows, loading, emptyText, hasMore, loadingMore, onLoadMore }: Props) {
  const { t } = useTranslation();
  const columns: TableColumnsType<PatientSummary> = [
    { title: t('patients.mrn'), dataIndex: 'mrn', key: 'mrn', width: 140 },
    {
      title: t('patients.name'),
      key: 'name',
      // Names are rendered as React text, so markup in a name shows as characters, never as HTML.
      render: (_, patient) => <Link to={`/patients/${patient.id}`}>{patient.name}</Link>,
    },
    { title: t('patients.sex'), key: 'sex', width: 90, render: (_, patient) => t(`sex.${patient.sex}`) },
    {
      title: t('patients.age'),
      key: 'age',
      width: 90,
      render: (_, patient) => {
        const age = ageOn(patient.birthDate);
        return age === null ? '' : t('patients.ageYears', { count: age });
      },
    },
    { title: t('patients.phone'), key: 'phone', render: (_, patient) => patient.phoneMasked ?? '' },
    {
      title: t('patients.careTeam'),
      key: 'careTeam',
      render: (_, patient) =>
        patient.onCareTeam ? (
          <Tag>{t('patients.onCareTeam')}</Tag>
        ) : patient.careRelationship ? (
          <Tag>{t('patients.careRelationship')}</Tag>
        ) : null,
    },
  ];

  return (
    <>
      <Table<PatientSummary>
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={loading}
        pagination={false}
        onRow={() => rowProps}
        locale={{ emptyText }}
      />
      {hasMore ? (
        <div className="load-more">
          <Button onClick={onLoadMore} loading={loadingMore}>
            {t('common.loadMore')}
          </Button>
        </div>
      ) : null}
    </>
  );
}
