import { useTranslation } from 'react-i18next';
import { useAccount } from '../../auth/hooks/useMe.ts';
import { useActingProfile } from '../../profiles/hooks/acting-profile-context.ts';
import { ReadAloudButton } from './ReadAloudButton.tsx';

function partOfDay(hour: number): 'morning' | 'afternoon' | 'evening' {
  if (hour < 12) return 'morning';
  return hour < 18 ? 'afternoon' : 'evening';
}

/** The page heading: a greeting by name, whom the app acts for, and a read-aloud button. */
export function Greeting({ todaySummary }: { todaySummary: string }) {
  const { t, i18n } = useTranslation();
  const account = useAccount();
  const { acting } = useActingProfile();
  const self = acting?.relationship === 'self' ? acting.patient.name : null;
  const greeting = t(`home.${partOfDay(new Date().getHours())}`, { name: self ?? account.displayName });
  const actingLine =
    acting && acting.relationship !== 'self'
      ? t('home.actingFor', {
          name: acting.patient.name,
          relationship: t(`relationship.${acting.relationship}`),
        })
      : null;
  const spoken = [greeting, actingLine, todaySummary]
    .filter(Boolean)
    .join(i18n.language === 'zh-CN' ? '。' : '. ');
  return (
    <section className="card" aria-labelledby="home-greeting">
      <h1 id="home-greeting" data-testid="home-greeting">
        {greeting}
      </h1>
      {actingLine && <p style={{ marginTop: 4 }}>{actingLine}</p>}
      <div style={{ marginTop: 12 }}>
        <ReadAloudButton text={spoken} />
      </div>
    </section>
  );
}
