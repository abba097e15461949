import type { CareTeamMember } from '@careloop/contracts';
import { App, Button, Card, List, Popconfirm, Typography } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/QueryError';
import { formatDateTime } from '../../../lib/format';
import { problemText } from '../../../lib/problems';
import { useCareTeamChange } from '../hooks/use-patients';
import { AddCareTeamMemberForm } from './AddCareTeamMemberForm';

interface Props {
  patientId: string;
  careTeam: UseQueryResult<CareTeamMember[]>;
  /** Org admins and members of the team manage it; others (break-glass) only see it. */
  canManage: boolean;
}

export function CareTeamCard({ patientId, careTeam, canManage }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { remove } = useCareTeamChange(patientId);

  async function removeMember(member: CareTeamMember) {
    try {
      await remove.mutateAsync(member.staffId);
      void message.success(t('careTeam.removed', { name: member.name }));
    } catch (error) {
      void message.error(problemText(error, t));
    }
  }

  return (
    <Card title={<h2 className="card-heading">{t('careTeam.title')}</h2>}>
      {careTeam.error ? <QueryError error={careTeam.error} onRetry={() => void careTeam.refetch()} /> : null}
      <List<CareTeamMember>
        loading={careTeam.isPending && careTeam.fetchStatus !== 'idle'}
        dataSource={careTeam.data ?? []}
        locale={{ emptyText: t('careTeam.empty') }}
        rowKey="staffId"
        renderItem={(member) => (
          <List.Item
            actions={
              canManage
                ? [
                    <Popconfirm
                      key="remove"
                      title={t('careTeam.removeConfirm', { name: member.name })}
                      okText={t('common.remove')}
                      cancelText={t('common.cancel')}
                      onConfirm={() => removeMember(member)}
                    >
                      <Button size="small" danger aria-label={`${t('common.remove')} ${member.name}`}>
                        {t('common.remove')}
                      </Button>
                    </Popconfirm>,
                  ]
                : []
            }
          >
            <div className="care-team__member">
              <Typography.Text strong>{member.name}</Typography.Text>
              <span>
                {t(`careTeamRoles.${member.role}`)}
                {member.departmentName ? ` · ${member.departmentName}` : null}
              </span>
              <span className="muted">
                {t('careTeam.addedAt')}: {formatDateTime(member.addedAt, i18n.language)}
              </span>
            </div>
          </List.Item>
        )}
      />
      {canManage ? <AddCareTeamMemberForm patientId={patientId} existing={careTeam.data ?? []} /> : null}
    </Card>
  );
}
