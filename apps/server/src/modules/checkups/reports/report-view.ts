// Stored rows to what a reader sees: items named in the reader's language, abnormal first, each compared with the
// same code in the previous report and explained when abnormal; trends of the abnormal items.
import { ANALYTES } from '@careloop/clinical';
import type {
  CheckupChange,
  CheckupFlag,
  CheckupItem,
  CheckupReport,
  CheckupReportSummary,
  CheckupTrend,
} from '@careloop/contracts';
import type { Language } from '../../../platform/http/language.ts';
import { compareItem } from './comparison.ts';
import { explainItem } from './explanations.ts';
import { CATEGORY_ORDER, itemCategory, itemDisplayName } from './item-names.ts';
import type { HistoryPoint, ItemRow, ReportRow } from './reports.repository.ts';

const SEVERITY: Readonly<Record<CheckupFlag, number>> = { HH: 0, LL: 0, H: 1, L: 1, A: 1, N: 2 };
const severityOf = (flag: CheckupFlag | null) => (flag === null ? 2 : SEVERITY[flag]);
const keyOf = (row: { code_system: string; code: string }) => `${row.code_system}:${row.code}`;
const isAbnormal = (flag: CheckupFlag | null) => flag !== null && flag !== 'N';
/** Within a section, items in the code table's order (glucose, fasting glucose, HbA1c, ...), the rest after. */
const analyteOrder = (item: { codeSystem: string; code: string }) => {
  const index = item.codeSystem === 'loinc' ? ANALYTES.findIndex((a) => a.loinc === item.code) : -1;
  return index < 0 ? ANALYTES.length : index;
};

const comparable = (row: ItemRow) => ({
  valueNum: row.value_num,
  flag: row.flag,
  refLow: row.ref_low,
  refHigh: row.ref_high,
  unit: row.unit,
});

const shown = (row: ItemRow) => row.value_text ?? (row.value_num === null ? null : String(row.value_num));

/** Counts of changes against the previous report, for the report list. */
export function changeCounts(items: readonly ItemRow[], previous: readonly ItemRow[] | null) {
  const counts = { newAbnormalCount: 0, worseCount: 0, betterCount: 0, resolvedCount: 0 };
  if (previous === null) return counts;
  const before = new Map(previous.map((r) => [keyOf(r), r]));
  for (const item of items) {
    const prior = before.get(keyOf(item));
    const change = compareItem(comparable(item), prior ? comparable(prior) : null);
    if (change === 'new') counts.newAbnormalCount += 1;
    else if (change === 'worse') counts.worseCount += 1;
    else if (change === 'better') counts.betterCount += 1;
    else if (change === 'resolved') counts.resolvedCount += 1;
  }
  return counts;
}

export function toSummary(row: ReportRow, counts: ReturnType<typeof changeCounts>): CheckupReportSummary {
  return {
    id: row.id,
    patientId: row.patient_id,
    performedAt: row.performed_at.toISOString(),
    center: row.center,
    externalId: row.external_id,
    package:
      row.package_id && row.package_code
        ? {
            id: row.package_id,
            code: row.package_code,
            nameZh: row.package_name_zh ?? '',
            nameEn: row.package_name_en ?? '',
          }
        : null,
    packageName: row.package_name,
    sourceFormat: row.source_format,
    itemCount: row.item_count,
    abnormalCount: row.abnormal_count,
    ...counts,
    createdAt: row.created_at.toISOString(),
  };
}

export function toReport(
  row: ReportRow,
  counts: ReturnType<typeof changeCounts>,
  previous: ReportRow | undefined,
): CheckupReport {
  return {
    ...toSummary(row, counts),
    conclusion: row.conclusion,
    importJobId: row.import_job_id,
    previousReport: previous ? { id: previous.id, performedAt: previous.performed_at.toISOString() } : null,
  };
}

/** Items abnormal first (critical, then high/low/abnormal, then normal), each group in report section order. */
export function toItems(
  rows: readonly ItemRow[],
  previous: { rows: readonly ItemRow[]; at: Date } | null,
  language: Language,
): CheckupItem[] {
  const before = new Map((previous?.rows ?? []).map((r) => [keyOf(r), r]));
  const items = rows.map((row, index) => {
    const prior = before.get(keyOf(row));
    const change: CheckupChange | null = previous
      ? compareItem(comparable(row), prior ? comparable(prior) : null)
      : null;
    const explanation = explainItem(
      { codeSystem: row.code_system, code: row.code, flag: row.flag },
      language,
    );
    const item: CheckupItem = {
      id: row.id,
      name: itemDisplayName({ codeSystem: row.code_system, code: row.code, localName: row.name }, language),
      localName: row.name,
      category: itemCategory(row.code_system, row.code),
      code: row.code,
      codeSystem: row.code_system,
      valueNum: row.value_num,
      valueText: row.value_text,
      unit: row.unit,
      refLow: row.ref_low,
      refHigh: row.ref_high,
      refText: row.ref_text,
      flag: row.flag,
      ...(explanation ? { explanation } : {}),
      ...(change
        ? {
            comparison: {
              previousValue: prior ? shown(prior) : null,
              previousFlag: prior?.flag ?? null,
              previousAt: prior ? prior.effective_at.toISOString() : null,
              change,
            },
          }
        : {}),
    };
    return { item, index };
  });
  items.sort(
    (a, b) =>
      severityOf(a.item.flag) - severityOf(b.item.flag) ||
      CATEGORY_ORDER.indexOf(a.item.category) - CATEGORY_ORDER.indexOf(b.item.category) ||
      analyteOrder(a.item) - analyteOrder(b.item) ||
      a.item.localName.localeCompare(b.item.localName, 'zh-CN') ||
      a.index - b.index,
  );
  return items.map((x) => x.item);
}

/** Trend series of the abnormal coded items (history up to this report). */
export function toTrends(items: readonly CheckupItem[], history: readonly HistoryPoint[]): CheckupTrend[] {
  const byCode = new Map<string, HistoryPoint[]>();
  for (const point of history) byCode.set(point.code, [...(byCode.get(point.code) ?? []), point]);
  const seen = new Set<string>();
  const trends: CheckupTrend[] = [];
  for (const item of items) {
    if (!isAbnormal(item.flag) || item.codeSystem !== 'loinc' || seen.has(item.code)) continue;
    seen.add(item.code);
    const points = byCode.get(item.code) ?? [];
    if (points.length === 0) continue;
    trends.push({
      code: item.code,
      name: item.name,
      unit: item.unit,
      refLow: item.refLow,
      refHigh: item.refHigh,
      points: points.map((p) => ({
        reportId: p.report_id,
        at: p.effective_at.toISOString(),
        value: p.value_num,
      })),
    });
  }
  return trends;
}

export function abnormalCodes(items: readonly CheckupItem[]): string[] {
  return [...new Set(items.filter((i) => isAbnormal(i.flag) && i.codeSystem === 'loinc').map((i) => i.code))];
}
