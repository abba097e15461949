import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RecordExport, RecordExportPdfQuery, Uuid } from '@careloop/contracts';
import { contextOf } from '../../../platform/auth/auth-hook.ts';
import { requestLanguage } from '../../../platform/http/language.ts';
import { contentDisposition } from '../documents/content-disposition.ts';
import type { ExportService } from './export.service.ts';

const PatientParams = z.object({ id: Uuid });

/** A download name with the date, in the reader's language. */
function fileName(language: 'zh-CN' | 'en-US', extension: string): string {
  const date = new Date().toISOString().slice(0, 10);
  return language === 'zh-CN' ? `健康档案-${date}.${extension}` : `health-record-${date}.${extension}`;
}

export function exportRoutes(exports: ExportService) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['records'];

    app.get(
      '/patients/:id/export.json',
      {
        schema: {
          tags,
          summary: 'The whole record as JSON (schemaVersion, generatedAt), for the patient to take away',
          params: PatientParams,
          response: { 200: RecordExport },
        },
        config: { access: 'signed-in' },
      },
      async (req, reply) => {
        const language = requestLanguage(req);
        const record = await exports.json(contextOf(req), req.params.id, language);
        void reply
          .header('cache-control', 'private, no-store')
          .header('content-disposition', contentDisposition('attachment', fileName(language, 'json')));
        return record;
      },
    );

    app.get(
      '/patients/:id/export.pdf',
      {
        schema: {
          tags,
          summary:
            'The whole record as a PDF in Chinese or English (?lang=zh-CN|en-US, default the caller’s)',
          params: PatientParams,
          querystring: RecordExportPdfQuery,
          produces: ['application/pdf'],
        },
        config: { access: 'signed-in' },
      },
      async (req, reply) => {
        const language = req.query.lang ?? requestLanguage(req);
        const pdf = await exports.pdf(contextOf(req), req.params.id, language);
        return reply
          .type('application/pdf')
          .header('cache-control', 'private, no-store')
          .header('content-disposition', contentDisposition('attachment', fileName(language, 'pdf')))
          .send(pdf);
      },
    );
  };
}
