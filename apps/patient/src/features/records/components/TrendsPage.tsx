import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { TextField } from '../../../ui/Field.tsx';
import { Loading } from '../../../ui/Loading.tsx';
import { ErrorNotice } from '../../../ui/Notice.tsx';
import { useObservationCodes } from '../hooks/useRecordQueries.ts';
import { choiceFor, trendChoices } from '../lib/trend-codes.ts';
import { formatQuantity } from '../lib/units.ts';
import { formatDateTime } from './format.ts';
import { ActingFor, RecordFrame, type RecordContext } from './RecordFrame.tsx';
import { FlagTag } from './RecordTags.tsx';
import { TrendPanel } from './TrendPanel.tsx';

/** Past this many items the list gets a filter by name. */
const FILTER_FROM = 10;

function TrendsBody({ patientId, acting }: RecordContext) {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const codes = useObservationCodes(patientId);
  const [filter, setFilter] = useState('');
  const perMinute = t('unit.perMinute');
  const choices = useMemo(
    () =>
      trendChoices(codes.data ?? [], t('trends.bloodPressure'), (value, text, unit) =>
        formatQuantity(value, text, unit, i18n.language, perMinute),
      ),
    [codes.data, t, i18n.language, perMinute],
  );
  if (codes.isPending) return <Loading />;
  if (codes.error) return <ErrorNotice error={codes.error} />;
  if (choices.length === 0) {
    return <EmptyState title={t('trends.emptyTitle')} body={t('trends.emptyBody')} />;
  }
  const selected = choiceFor(choices, params.get('code'));
  const needle = filter.trim().toLowerCase();
  const shown = needle ? choices.filter((c) => c.name.toLowerCase().includes(needle)) : choices;

  return (
    <>
      <ActingFor acting={acting} />
      {selected && selected.numeric && (
        <TrendPanel key={selected.id} patientId={patientId} choice={selected} />
      )}
      {selected && !selected.numeric && (
        <section className="card" aria-labelledby="trend-title">
          <h2 id="trend-title">{selected.name}</h2>
          <p>{selected.latestValue}</p>
          <p className="muted">{t('trends.textOnly')}</p>
        </section>
      )}
      <section aria-labelledby="trend-pick-title">
        <h2 id="trend-pick-title" style={{ marginBottom: 8 }}>
          {t('trends.pickTitle')}
        </h2>
        {choices.length > FILTER_FROM && (
          <TextField
            label={t('trends.filter')}
            type="search"
            value={filter}
            onChange={setFilter}
            autoComplete="off"
            optional
            testId="trend-filter"
          />
        )}
        {shown.length === 0 && <p className="muted">{t('trends.filterEmpty')}</p>}
        <ul className="trend-codes">
          {shown.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                aria-pressed={selected?.id === c.id}
                onClick={() => {
                  setParams({ code: c.id }, { replace: true });
                  window.scrollTo({ top: 0 });
                }}
                data-testid="trend-choice"
              >
                <span>{c.name}</span>
                <span className="attention-value">
                  {c.latestValue}
                  <FlagTag flag={c.latestFlag} />
                </span>
                <span className="muted" style={{ flexBasis: '100%' }}>
                  {formatDateTime(c.latestAt, i18n.language)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

/** 指标趋势: pick an item, see its curve over 3 months, a year or everything. */
export function TrendsPage() {
  const { t } = useTranslation();
  return (
    <RecordFrame title={t('trends.title')} backTo="/records">
      {(record) => <TrendsBody key={record.patientId} {...record} />}
    </RecordFrame>
  );
}
