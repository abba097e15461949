import type { TFunction } from 'i18next';
import type { AnyEntry, EntrySection, EntryTypes } from '../api/records.api.ts';
import { formatDate, formatDateTime } from './format.ts';

export interface EntryDescription {
  title: string;
  /** A status in words (患病中, 已停用...), when the kind has one. */
  status: string | null;
  /** Whether the status means "not current" (shown muted, listed after the current ones). */
  inactive: boolean;
  details: string[];
}

type Describe<S extends EntrySection> = (
  entry: EntryTypes[S],
  t: TFunction,
  locale: string,
) => EntryDescription;

const dates = (t: TFunction, locale: string, from: string | null, until: string | null): string | null => {
  const parts = [
    from ? t('entries.from', { date: formatDate(from, locale) }) : null,
    until ? t('entries.until', { date: formatDate(until, locale) }) : null,
  ].filter((p): p is string => p !== null);
  return parts.length > 0 ? parts.join(' ') : null;
};

const present = (values: (string | null | undefined)[]): string[] =>
  values.filter((v): v is string => v !== null && v !== undefined && v.trim() !== '');

const describers: { [S in EntrySection]: Describe<S> } = {
  conditions: (e, t, locale) => ({
    title: e.icd10
      ? locale === 'zh-CN'
        ? `${e.display}（${e.icd10}）`
        : `${e.display} (${e.icd10})`
      : e.display,
    status: t(`condition.status.${e.clinicalStatus}`),
    inactive: e.clinicalStatus === 'resolved' || e.clinicalStatus === 'inactive',
    details: present([dates(t, locale, e.onsetDate, e.abatedDate), e.note]),
  }),
  allergies: (e, t, locale) => ({
    title: e.substance,
    status: t(`allergy.statuses.${e.status}`),
    inactive: e.status !== 'active',
    details: present([
      [t(`allergy.categories.${e.category}`), t(`allergy.severities.${e.severity}`)].join(' · '),
      e.reaction,
      e.notedOn ? formatDate(e.notedOn, locale) : null,
      e.note,
    ]),
  }),
  medications: (e, t, locale) => ({
    title: e.name,
    status: t(`medication.statuses.${e.status}`),
    inactive: e.status !== 'active',
    details: present([
      present([e.dose, e.route, e.frequency]).join(' · '),
      e.reason,
      dates(t, locale, e.startedOn, e.stoppedOn),
      e.note,
    ]),
  }),
  procedures: (e, t, locale) => ({
    title: e.name,
    status: t(`procedure.kinds.${e.kind}`),
    inactive: false,
    details: present([e.performedOn ? formatDate(e.performedOn, locale) : null, e.outcome, e.note]),
  }),
  'family-history': (e, t, locale) => ({
    title: `${t(`familyHistory.relations.${e.relation}`)}${locale === 'zh-CN' ? '：' : ': '}${e.display}`,
    status: null,
    inactive: false,
    details: present([e.onsetAge !== null ? t('entries.onsetAge', { age: e.onsetAge }) : null, e.note]),
  }),
  encounters: (e, t, locale) => ({
    title: `${t(`encounter.kinds.${e.kind}`)} · ${formatDateTime(e.startedAt, locale)}`,
    status: null,
    inactive: false,
    details: present([
      e.department ? t('encounter.department', { name: e.department }) : null,
      e.practitioner ? t('encounter.practitioner', { name: e.practitioner }) : null,
      e.reason ? t('encounter.reason', { text: e.reason }) : null,
      e.summary,
    ]),
  }),
};

export function describeEntry(
  section: EntrySection,
  entry: AnyEntry,
  t: TFunction,
  locale: string,
): EntryDescription {
  // The section names the entry's type; the lists are fetched per section.
  return (describers[section] as Describe<EntrySection>)(entry as never, t, locale);
}
