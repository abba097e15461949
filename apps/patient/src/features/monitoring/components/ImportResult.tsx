import { ReadingType, type MonitoringImport } from '@careloop/contracts';
import { Button } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Notice } from '../../../ui/Notice.tsx';
import { storedByType } from '../lib/import-file.ts';
import { FactList } from './FactList.tsx';

const PROBLEMS_SHOWN = 10;

/** What an import did: stored by type, already there, refused, and the first problems with their lines. */
export function ImportResult({ imp, onAgain }: { imp: MonitoringImport; onAgain: () => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const n = (v: number) => new Intl.NumberFormat(i18n.language).format(v);
  const typeName = (key: string) => {
    const parsed = ReadingType.safeParse(key);
    return parsed.success ? t(`monitoring.types.${parsed.data}`) : key;
  };
  const failed = imp.status === 'failed';
  const byType = storedByType(imp.byType);
  return (
    <section
      className="card stack"
      aria-labelledby="import-result-title"
      data-testid="import-result"
      data-status={imp.status}
    >
      <Notice tone={failed ? 'error' : 'success'}>
        <h2 id="import-result-title">
          {failed ? t('monitoring.import.failedTitle') : t('monitoring.import.doneTitle')}
        </h2>
        {failed && imp.error && <p>{imp.error}</p>}
      </Notice>
      <FactList
        facts={[
          { label: t('monitoring.import.stored'), value: n(imp.stored), testId: 'import-stored' },
          { label: t('monitoring.import.duplicates'), value: n(imp.duplicates), testId: 'import-duplicates' },
          { label: t('monitoring.import.rejected'), value: n(imp.rejected), testId: 'import-rejected' },
        ]}
      />
      {byType.length > 0 && (
        <>
          <h3>{t('monitoring.import.byType')}</h3>
          <FactList facts={byType.map(([key, count]) => ({ label: typeName(key), value: n(count) }))} />
        </>
      )}
      {imp.duplicates > 0 && <p className="muted">{t('monitoring.import.duplicatesExplain')}</p>}
      {imp.problems.length > 0 && (
        <>
          <h3>
            {t('monitoring.import.problemsTitle', { count: Math.min(imp.problems.length, PROBLEMS_SHOWN) })}
          </h3>
          <ul className="problem-list" data-testid="import-problems">
            {imp.problems.slice(0, PROBLEMS_SHOWN).map((p, index) => (
              <li key={`${p.line}-${index}`}>
                {t('monitoring.import.problemLine', { line: n(p.line), message: p.message })}
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="actions">
        <Button color="primary" onClick={() => void navigate('/monitoring/trends')}>
          {t('monitoring.links.trends')}
        </Button>
        <Button fill="outline" color="primary" onClick={onAgain} data-testid="import-again">
          {t('monitoring.import.again')}
        </Button>
      </div>
    </section>
  );
}
