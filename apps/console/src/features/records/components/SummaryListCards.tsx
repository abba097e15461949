import type { Allergy, Condition, MedicationStatement } from '@careloop/contracts';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../lib/format';
import { RecordCard, RecordEmpty } from './RecordCard';
import { SourceTag } from './SourceTag';
import { ToneTag } from './ToneTag';

export function SummaryProblemsCard({ conditions }: { conditions: Condition[] }) {
  const { t, i18n } = useTranslation();
  return (
    <RecordCard title={t('record.summary.problems')} testId="summary-problems">
      {conditions.length === 0 ? (
        <RecordEmpty text={t('record.summary.noProblems')} />
      ) : (
        <ul className="record-list">
          {conditions.map((c) => (
            <li key={c.id} className="record-list__item">
              <div className="record-list__main">
                <span className="record-list__title">
                  {c.icd10 ? <span className="icd-code">{c.icd10}</span> : null}
                  {c.display}
                </span>
                {c.clinicalStatus !== 'active' ? (
                  <ToneTag tone="orange">{t(`record.conditionStatus.${c.clinicalStatus}`)}</ToneTag>
                ) : null}
              </div>
              <div className="record-list__meta">
                {c.onsetDate ? (
                  <span>{t('record.summary.since', { date: formatDay(c.onsetDate, i18n.language) })}</span>
                ) : null}
                <SourceTag source={c.source} sourceOrg={c.sourceOrg} recordedBy={c.recordedBy?.name} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </RecordCard>
  );
}

export function SummaryMedicationsCard({ medications }: { medications: MedicationStatement[] }) {
  const { t } = useTranslation();
  return (
    <RecordCard title={t('record.summary.medications')} testId="summary-medications">
      {medications.length === 0 ? (
        <RecordEmpty text={t('record.summary.noMedications')} />
      ) : (
        <ul className="record-list">
          {medications.map((m) => (
            <li key={m.id} className="record-list__item">
              <div className="record-list__main">
                <span className="record-list__title">{m.name}</span>
                <span>{[m.dose, m.route, m.frequency].filter(Boolean).join(' · ')}</span>
              </div>
              <div className="record-list__meta">
                {m.reason ? <span>{m.reason}</span> : null}
                <SourceTag source={m.source} sourceOrg={m.sourceOrg} recordedBy={m.recordedBy?.name} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </RecordCard>
  );
}

export function SummaryAllergiesCard({ allergies }: { allergies: Allergy[] }) {
  const { t } = useTranslation();
  return (
    <RecordCard title={t('record.summary.allergies')} testId="summary-allergies">
      {allergies.length === 0 ? (
        <RecordEmpty text={t('record.summary.noAllergies')} />
      ) : (
        <ul className="record-list">
          {allergies.map((a) => (
            <li key={a.id} className="record-list__item">
              <div className="record-list__main">
                <span className="record-list__title">{a.substance}</span>
                <ToneTag
                  tone={a.severity === 'severe' ? 'red' : a.severity === 'moderate' ? 'orange' : 'default'}
                >
                  {t(`record.allergySeverity.${a.severity}`)}
                </ToneTag>
              </div>
              <div className="record-list__meta">
                <span>{t(`record.allergyCategory.${a.category}`)}</span>
                {a.reaction ? <span>{a.reaction}</span> : null}
                <SourceTag source={a.source} sourceOrg={a.sourceOrg} recordedBy={a.recordedBy?.name} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </RecordCard>
  );
}
