import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../../../components/QueryError';
import '../consultations.css';
import { useConsultationList } from '../hooks/use-consultations';
import { useNow } from '../hooks/use-now';
import { PatientLine } from './PatientLine';
import { WaitedFor } from './WaitedFor';

const SHOWN = 5;

/** The workbench's consultation queue: who waits longest first, each a link to the workspace. */
export function WaitingConsultationsCard() {
  const { t } = useTranslation();
  const waiting = useConsultationList('waiting');
  const now = useNow();
  const items = waiting.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Card
      title={<h2 className="card-heading">{t('consult.workbench.title')}</h2>}
      extra={<Link to="/consultations">{t('consult.workbench.viewAll')}</Link>}
      loading={waiting.isPending}
      data-testid="workbench-consultations"
    >
      {waiting.error ? <QueryError error={waiting.error} onRetry={() => void waiting.refetch()} /> : null}
      {waiting.data && items.length === 0 ? (
        <p className="muted">{t('consult.queue.empty.waiting')}</p>
      ) : null}
      {items.length > 0 ? (
        <ul className="consult-workbench">
          {items.slice(0, SHOWN).map((c) => (
            <li key={c.id} className="consult-workbench__item">
              <Link to={`/consultations/${c.id}`}>
                <PatientLine patient={c.patient} />
              </Link>
              <span className="consult-workbench__complaint">{c.chiefComplaint}</span>
              <span className="muted">
                <WaitedFor since={c.createdAt} now={now} />
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}
