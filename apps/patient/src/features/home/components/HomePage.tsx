import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../../ui/Notice.tsx';
import { NotificationBell } from '../../notifications/components/NotificationBell.tsx';
import { LinkList } from '../../../ui/LinkList.tsx';
import { usePageTitle } from '../../../ui/usePageTitle.ts';
import { useTodayMeasurements } from '../../monitoring/hooks/useTodayMeasurements.ts';
import { ElderModeCard } from '../../preferences/components/ElderModeCard.tsx';
import { useElderMode } from '../../preferences/hooks/useElderMode.ts';
import { ProfileSwitcher } from '../../profiles/components/ProfileSwitcher.tsx';
import { useActingProfile } from '../../profiles/hooks/acting-profile-context.ts';
import { useRecordPatient } from '../../records/hooks/useRecordPatient.ts';
import { Greeting } from './Greeting.tsx';
import { TodayCard } from './TodayCard.tsx';
import { TodayMedsCard } from '../../medications/components/TodayMedsCard.tsx';

export function HomePage() {
  const { t } = useTranslation();
  const { elderMode } = useElderMode();
  const { profiles, error } = useActingProfile();
  const { patientId } = useRecordPatient();
  const { todo, urgent } = useTodayMeasurements(patientId);
  usePageTitle(t('home.title'));
  // What the read-aloud button says about today: urgent advice first, then what is left to measure.
  const todaySummary = [
    urgent?.patientAdvice,
    todo.length > 0
      ? t('monitoring.home.spoken', {
          items: todo
            .map((s) => `${s.time} ${t(`monitoring.types.${s.type}`)}`)
            .join(t('common.listSeparator')),
        })
      : t('home.todayEmpty'),
  ]
    .filter(Boolean)
    .join(' ');

  // Elder mode shows fewer things per screen: greeting, today and the elder-mode switch only.
  return (
    <div className="page stack" style={{ paddingTop: 'var(--cl-gap)' }}>
      <Greeting todaySummary={todaySummary} />
      <NotificationBell />
      <ErrorNotice error={error} />
      {!elderMode && profiles.length > 0 && (
        <section className="card" aria-labelledby="switcher-title">
          <h2 id="switcher-title">{t('home.switcherTitle')}</h2>
          <p className="muted" style={{ marginBottom: 8 }}>
            {t('home.switcherHint')}
          </p>
          <ProfileSwitcher labelledBy="switcher-title" />
        </section>
      )}
      <TodayCard />
      <TodayMedsCard />
      <ElderModeCard />
      {!elderMode && (
        <section aria-labelledby="shortcuts-title">
          <h2 id="shortcuts-title" className="sr-only">
            {t('home.shortcutsTitle')}
          </h2>
          <LinkList
            entries={[
              { to: '/triage', label: t('triage.entry.title'), testId: 'home-triage' },
              { to: '/appointments', label: t('appointments.entry.mine'), testId: 'home-appointments' },
              { to: '/records', label: t('records.title') },
              { to: '/me/family', label: t('home.manageFamily') },
              { to: '/me/proxy', label: t('proxy.title') },
            ]}
          />
        </section>
      )}
    </div>
  );
}
