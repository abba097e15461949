import type { BreakGlassGrant, CareTeamMember, PatientProfile } from '@careloop/contracts';
import { Alert } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import { useStaffMe } from '../../auth/hooks/use-me';

/**
 * Staff reach a record through a care relationship (care team, consultation, appointment) or through break-glass;
 * a record read under break-glass says so.
 */
export function BreakGlassBanner({
  profile,
  careTeam,
}: {
  profile: PatientProfile;
  careTeam?: CareTeamMember[];
}) {
  const { t, i18n } = useTranslation();
  const me = useStaffMe();
  // Filled by the break-glass request in this tab; it carries the expiry time.
  const { data: grant } = useQuery<BreakGlassGrant | null>({
    queryKey: ['break-glass', 'active', profile.id],
    queryFn: () => null,
    enabled: false,
    gcTime: Infinity,
  });
  const activeGrant = grant && new Date(grant.expiresAt).getTime() > Date.now() ? grant : null;
  // The server names the basis of the read; a care relationship (team, consultation, appointment) is not break-glass.
  const underGlass =
    profile.accessBasis !== undefined
      ? profile.accessBasis === 'break_glass'
      : profile.onCareTeam === false ||
        (careTeam !== undefined && !careTeam.some((m) => m.staffId === me.accountId));
  if (!activeGrant && !underGlass) return null;

  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      className="break-glass-banner"
      data-testid="break-glass-banner"
      title={t('profile.breakGlassBanner')}
      description={
        activeGrant
          ? t('profile.breakGlassUntil', { time: formatDateTime(activeGrant.expiresAt, i18n.language) })
          : undefined
      }
    />
  );
}
