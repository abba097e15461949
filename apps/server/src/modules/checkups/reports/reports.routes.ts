import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CheckupReportDetail,
  CheckupReportListQuery,
  CheckupReportPage,
  CheckupSummaryPdfQuery,
  Uuid,
} from '@careloop/contracts';
import { contextOf } from '../../../platform/auth/auth-hook.ts';
import { requestLanguage } from '../../../platform/http/language.ts';
import type { CheckupReportsService } from './reports.service.ts';

const ReportParams = z.object({ id: Uuid, reportId: Uuid });

export function checkupReportRoutes(reports: CheckupReportsService) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['checkups'];

    app.get(
      '/patients/:id/checkups',
      {
        schema: {
          tags,
          summary: "A patient's checkup reports, newest first, with changes against the previous one",
          params: z.object({ id: Uuid }),
          querystring: CheckupReportListQuery,
          response: { 200: CheckupReportPage },
        },
        config: { access: 'signed-in', tokenScope: 'patients:read' },
      },
      async (req) => reports.list(contextOf(req), req.params.id, req.query),
    );

    app.get(
      '/patients/:id/checkups/:reportId',
      {
        schema: {
          tags,
          summary:
            'One checkup report: items abnormal first, explained, compared, with trends and follow-up tasks',
          params: ReportParams,
          response: { 200: CheckupReportDetail },
        },
        config: { access: 'signed-in', tokenScope: 'patients:read' },
      },
      async (req) => reports.get(contextOf(req), req.params.id, req.params.reportId, requestLanguage(req)),
    );

    app.get(
      '/patients/:id/checkups/:reportId/summary.pdf',
      {
        schema: {
          tags,
          summary: 'The summary report of a checkup as a printable PDF',
          params: ReportParams,
          querystring: CheckupSummaryPdfQuery,
          produces: ['application/pdf'],
        },
        config: { access: 'signed-in' },
      },
      async (req, reply) => {
        const language = req.query.lang ?? requestLanguage(req);
        const pdf = await reports.summaryPdf(contextOf(req), req.params.id, req.params.reportId, language);
        const name = language === 'zh-CN' ? '体检报告解读' : 'checkup-summary';
        return reply
          .type('application/pdf')
          .header('cache-control', 'private, no-store')
          .header(
            'content-disposition',
            `attachment; filename="checkup-summary.pdf"; filename*=UTF-8''${encodeURIComponent(name)}.pdf`,
          )
          .send(pdf);
      },
    );
  };
}
