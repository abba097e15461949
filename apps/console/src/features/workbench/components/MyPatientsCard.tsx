import type { PatientSummary } from '@careloop/contracts';
import { Card, List, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../../../components/QueryError';
import { ageOn } from '../../../lib/format';
import { patientsApi } from '../../patients/api/patients-api';

const SHOWN = 10;

/** The patients whose care team this person is on, counted from what the server returns. */
export function MyPatientsCard() {
  const { t } = useTranslation();
  const mine = useQuery({
    queryKey: ['patients', 'search', 'mine', '', 'workbench'],
    queryFn: () => patientsApi.search({ careTeam: 'mine', limit: 200 }),
  });
  const items = mine.data?.items ?? [];
  const more = Boolean(mine.data?.nextCursor);

  return (
    <Card
      title={<h2 className="card-heading">{t('workbench.myPatients')}</h2>}
      extra={<Link to="/patients?careTeam=mine">{t('workbench.viewAll')}</Link>}
      loading={mine.isPending}
    >
      {mine.error ? <QueryError error={mine.error} onRetry={() => void mine.refetch()} /> : null}
      {mine.data ? (
        <>
          {items.length > 0 ? (
            <Typography.Paragraph className="workbench__count">
              {t(more ? 'workbench.myPatientsCountMore' : 'workbench.myPatientsCount', {
                count: items.length,
              })}
            </Typography.Paragraph>
          ) : null}
          <List<PatientSummary>
            dataSource={items.slice(0, SHOWN)}
            locale={{ emptyText: t('workbench.myPatientsEmpty') }}
            rowKey="id"
            renderItem={(patient) => {
              const age = ageOn(patient.birthDate);
              return (
                <List.Item>
                  <Link to={`/patients/${patient.id}`}>{patient.name}</Link>
                  <span className="muted">
                    {patient.mrn} · {t(`sex.${patient.sex}`)}
                    {age === null ? '' : ` · ${t('patients.ageYears', { count: age })}`}
                  </span>
                </List.Item>
              );
            }}
          />
        </>
      ) : null}
    </Card>
  );
}
