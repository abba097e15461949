import type { CheckupItem, CheckupReportSummary } from '@careloop/contracts';

export function packageName(report: CheckupReportSummary, locale: string): string | null {
  if (report.package) return locale === 'zh-CN' ? report.package.nameZh : report.package.nameEn;
  return report.packageName;
}

/** Abnormal items (any flag but N) in the order the server sent them (critical first). */
export function abnormalItems(items: readonly CheckupItem[]): CheckupItem[] {
  return items.filter((i) => i.flag !== null && i.flag !== 'N');
}
