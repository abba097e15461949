// The summary PDF's view model: everything decided and translated here, the PDF layer only lays it out.
import type { CheckupItem, CheckupReportDetail } from '@careloop/contracts';
import type {
  CheckupItemView,
  CheckupSummaryView,
  ChangeVsPrevious,
  PdfSex,
} from '../../../platform/pdf/index.ts';
import type { Language } from '../../../platform/http/language.ts';
import { CATEGORY_LABELS } from './item-names.ts';

export interface PdfHeader {
  name: string;
  sex: PdfSex;
  birth_date: string;
  org_name_zh: string;
  org_name_en: string;
  time_zone: string;
}

/** 110105********1234: region and the last four, enough to tell two people apart on paper. */
export function maskNationalId(id: string | null): string | null {
  if (!id) return null;
  if (id.length <= 7) return '*'.repeat(id.length);
  return `${id.slice(0, 3)}${'*'.repeat(id.length - 7)}${id.slice(-4)}`;
}

/** YYYY-MM-DD of an instant in a time zone. */
export function localDate(instant: Date | string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(instant));
}

function ageOn(birthDate: string, day: string): number | null {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = day.split('-').map(Number);
  if (!by || !bm || !bd || !y || !m || !d) return null;
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

const fmt = (n: number) => String(Number(n.toPrecision(6)));

function rangeText(item: CheckupItem): string | null {
  if (item.refText) return item.refText;
  if (item.refLow !== null && item.refHigh !== null) return `${fmt(item.refLow)}-${fmt(item.refHigh)}`;
  if (item.refHigh !== null) return `<${fmt(item.refHigh)}`;
  if (item.refLow !== null) return `>${fmt(item.refLow)}`;
  return null;
}

const resultText = (value: { valueText: string | null; valueNum: number | null }) =>
  value.valueText ?? (value.valueNum === null ? '' : fmt(value.valueNum));

// The PDF has no word for "back to normal": it reads as better than last time.
const CHANGE: Record<NonNullable<CheckupItem['comparison']>['change'], ChangeVsPrevious> = {
  better: 'better',
  worse: 'worse',
  unchanged: 'unchanged',
  new: 'new',
  resolved: 'better',
};

function itemView(item: CheckupItem, language: Language, timeZone: string): CheckupItemView {
  const label = CATEGORY_LABELS[item.category];
  const previous = item.comparison;
  return {
    category: language === 'zh-CN' ? label.zh : label.en,
    name: item.name,
    result: resultText(item),
    unit: item.unit,
    referenceRange: rangeText(item),
    flag: item.flag ?? 'N',
    change: previous ? CHANGE[previous.change] : null,
    previous:
      previous?.previousValue != null && previous.previousAt
        ? { result: previous.previousValue, date: localDate(previous.previousAt, timeZone) }
        : null,
    explanation: item.explanation
      ? {
          measures: item.explanation.measures,
          meaning: item.explanation.meaning,
          nextSteps: item.explanation.nextSteps,
        }
      : null,
  };
}

export function summaryView(input: {
  detail: CheckupReportDetail;
  header: PdfHeader;
  nationalId: string | null;
  language: Language;
  now: Date;
}): CheckupSummaryView {
  const { detail, header, language } = input;
  const tz = header.time_zone;
  const { report } = detail;
  const checkupDate = localDate(report.performedAt, tz);
  const organizationName = language === 'zh-CN' ? header.org_name_zh : header.org_name_en;
  const colon = language === 'zh-CN' ? '：' : ': ';
  const recommendations = [
    ...(report.conclusion ? [report.conclusion] : []),
    ...new Set(
      detail.items.filter((i) => i.explanation).map((i) => `${i.name}${colon}${i.explanation!.nextSteps}`),
    ),
  ];
  return {
    language,
    organizationName,
    reportNo: report.externalId ?? report.id.slice(0, 8).toUpperCase(),
    checkupDate,
    centre: report.center ?? organizationName,
    generatedAt: input.now,
    timeZone: tz,
    patient: {
      name: header.name,
      sex: header.sex,
      age: ageOn(header.birth_date, checkupDate),
      maskedId: maskNationalId(input.nationalId),
    },
    items: detail.items.map((i) => itemView(i, language, tz)),
    trends: detail.trends.map((t) => ({
      name: t.name,
      unit: t.unit,
      referenceLow: t.refLow,
      referenceHigh: t.refHigh,
      points: t.points.map((p) => ({ date: localDate(p.at, tz), value: p.value })),
    })),
    recommendations,
    followUps: detail.followUpTasks.map((t) => ({
      title: t.title,
      dueDate: localDate(t.dueAt, tz),
      note: t.advice,
    })),
  };
}
