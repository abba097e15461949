import type { CheckupReportDetail, CheckupReportSummary, PatientFollowUpTask } from '@careloop/contracts';
import type { AppDeps } from '../../../platform/deps.ts';
import type { RequestContext } from '../../../platform/auth/actor.ts';
import type { Executor } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { requirePatientAccess } from '../../../platform/access/patient-access.ts';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import type { Language } from '../../../platform/http/language.ts';
import { renderCheckupSummaryPdf } from '../../../platform/pdf/index.ts';
import { listTasksForReport } from '../../followup/index.ts';
import { reportsRepository as repo, type ItemRow } from './reports.repository.ts';
import { abnormalCodes, changeCounts, toItems, toReport, toSummary, toTrends } from './report-view.ts';
import { summaryView } from './summary-view.ts';

/** Results kept per abnormal item for its trend: about ten years of yearly checkups. */
const TREND_POINTS = 10;

const decodeCursor = (cursor: string | undefined): { at: Date; id: string } | null => {
  const m = cursor ? /^(\d{13})_([0-9a-f-]{36})$/.exec(cursor) : null;
  return m ? { at: new Date(Number(m[1])), id: m[2]! } : null;
};

/** A patient's checkup reports: the list, one report explained and compared, and its summary PDF. */
export class CheckupReportsService {
  constructor(private readonly deps: AppDeps) {}

  async list(
    ctx: RequestContext,
    patientId: string,
    query: { limit: number; cursor?: string | undefined },
  ): Promise<{ items: CheckupReportSummary[]; nextCursor: string | null }> {
    return this.deps.db.transaction().execute(async (tx) => {
      const access = await requirePatientAccess(tx, ctx.actor, patientId, 'view');
      // One report more than the page: the last one on the page is compared with it.
      const rows = await repo.listForPatient(tx, {
        patientId,
        before: decodeCursor(query.cursor),
        limit: query.limit,
      });
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      const olderOfLast = rows[query.limit] ?? (last ? await repo.previous(tx, last) : undefined);
      const ids = [...page, ...(olderOfLast ? [olderOfLast] : [])].map((r) => r.id);
      const byReport = new Map<string, ItemRow[]>();
      for (const item of await repo.items(tx, patientId, ids)) {
        byReport.set(item.report_id, [...(byReport.get(item.report_id) ?? []), item]);
      }
      await recordAudit(tx, ctx, {
        action: 'checkup_report.list',
        orgId: access.orgId,
        patientId,
        resourceType: 'checkup_report',
        detail: { basis: access.basis, count: page.length },
      });
      return {
        items: page.map((row, i) => {
          const previous = page[i + 1] ?? olderOfLast;
          const previousItems = previous ? (byReport.get(previous.id) ?? []) : null;
          return toSummary(row, changeCounts(byReport.get(row.id) ?? [], previousItems));
        }),
        nextCursor: rows.length > query.limit && last ? `${last.performed_at.getTime()}_${last.id}` : null,
      };
    });
  }

  async get(ctx: RequestContext, patientId: string, reportId: string, language: Language) {
    return this.deps.db.transaction().execute(async (tx) => {
      const access = await requirePatientAccess(tx, ctx.actor, patientId, 'view');
      const detail = await this.#detail(tx, patientId, reportId, language);
      await recordAudit(tx, ctx, {
        action: 'checkup_report.read',
        orgId: access.orgId,
        patientId,
        resourceType: 'checkup_report',
        resourceId: reportId,
        detail: { basis: access.basis },
      });
      return detail;
    });
  }

  async summaryPdf(ctx: RequestContext, patientId: string, reportId: string, language: Language) {
    const { detail, header } = await this.deps.db.transaction().execute(async (tx) => {
      const access = await requirePatientAccess(tx, ctx.actor, patientId, 'view');
      const detail = await this.#detail(tx, patientId, reportId, language);
      const header = await repo.pdfHeader(tx, patientId);
      await recordAudit(tx, ctx, {
        action: 'checkup_report.pdf',
        orgId: access.orgId,
        patientId,
        resourceType: 'checkup_report',
        resourceId: reportId,
        detail: { basis: access.basis, language },
      });
      return { detail, header };
    });
    const nationalId = this.deps.crypto.decryptNullable(header.national_id_enc);
    return renderCheckupSummaryPdf(summaryView({ detail, header, nationalId, language, now: new Date() }));
  }

  async #detail(
    tx: Executor,
    patientId: string,
    reportId: string,
    language: Language,
  ): Promise<CheckupReportDetail> {
    const row = await repo.find(tx, patientId, reportId);
    if (!row) throw new AppError('CHECKUP_REPORT_NOT_FOUND');
    const previous = await repo.previous(tx, row);
    const rows = await repo.items(tx, patientId, previous ? [row.id, previous.id] : [row.id]);
    const current = rows.filter((r) => r.report_id === row.id);
    const before = previous ? rows.filter((r) => r.report_id === previous.id) : null;
    const items = toItems(
      current,
      previous && before ? { rows: before, at: previous.performed_at } : null,
      language,
    );
    const history = await repo.history(tx, {
      patientId,
      codes: abnormalCodes(items),
      until: new Date(Math.max(row.performed_at.getTime(), ...current.map((c) => c.effective_at.getTime()))),
      perCode: TREND_POINTS,
    });
    const tasks = (await listTasksForReport(tx, reportId, language, 'patient')) as PatientFollowUpTask[];
    return {
      report: toReport(row, changeCounts(current, before), previous),
      items,
      trends: toTrends(items, history),
      followUpTasks: tasks,
    };
  }
}
