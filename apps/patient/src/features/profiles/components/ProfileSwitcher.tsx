import { useTranslation } from 'react-i18next';
import { useActingProfile } from '../hooks/acting-profile-context.ts';

/** Chooses whom the app acts for: the account holder, a family member or someone who granted proxy access. */
export function ProfileSwitcher({ labelledBy }: { labelledBy: string }) {
  const { t } = useTranslation();
  const { profiles, acting, setActingId } = useActingProfile();
  return (
    <div className="chips" role="group" aria-labelledby={labelledBy}>
      {profiles.map((p) => (
        <button
          key={p.patient.id}
          type="button"
          className="chip"
          aria-pressed={acting?.patient.id === p.patient.id}
          onClick={() => setActingId(p.patient.id)}
          data-testid="profile-option"
        >
          {p.patient.name}
          <span className="sr-only">, </span>
          <span className="muted"> · {t(`relationship.${p.relationship}`)}</span>
        </button>
      ))}
    </div>
  );
}
