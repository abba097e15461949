import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CheckupImportJob,
  CheckupImportListQuery,
  CheckupImportPage,
  CheckupImportProblemPage,
  CheckupImportProblemQuery,
  CheckupTemplateQuery,
  CreatedCheckupImport,
  Uuid,
} from '@careloop/contracts';
import { staffContextOf } from '../../../platform/auth/auth-hook.ts';
import { requestLanguage } from '../../../platform/http/language.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { buildTemplateCsv, buildTemplateXlsx } from '../parsers/index.ts';
import type { CheckupImportsService } from './imports.service.ts';
import { problemsCsv } from './problems-csv.ts';
import { UPLOAD_LIMITS, type UploadedFile } from './upload-screen.ts';

const IMPORTERS = ['health_manager', 'doctor', 'nurse', 'org_admin'] as const;
const JobParams = z.object({ jobId: Uuid });

const attachment = (ascii: string, utf8: string) =>
  `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(utf8)}`;

/** Reads the multipart files into memory within the upload limits; the service decides what each file is. */
async function readUploads(req: FastifyRequest): Promise<UploadedFile[]> {
  const files: UploadedFile[] = [];
  let total = 0;
  const { FilesLimitError, PartsLimitError, InvalidMultipartContentTypeError } = req.server.multipartErrors;
  try {
    const parts = req.parts({
      limits: {
        fileSize: UPLOAD_LIMITS.maxFileBytes,
        files: UPLOAD_LIMITS.maxFiles,
        parts: UPLOAD_LIMITS.maxFiles + 10,
        fields: 10,
        fieldSize: 1000,
      },
    });
    for await (const part of parts) {
      if (part.type !== 'file') continue;
      const bytes = await part.toBuffer();
      total += bytes.length;
      if (total > UPLOAD_LIMITS.maxTotalBytes) throw new AppError('CHECKUP_TOO_MANY_FILES');
      files.push({
        name: (part.filename || 'upload').slice(0, 255),
        declaredType: part.mimetype || null,
        bytes: new Uint8Array(bytes),
        truncated: part.file.truncated,
      });
    }
  } catch (error) {
    if (error instanceof FilesLimitError || error instanceof PartsLimitError)
      throw new AppError('CHECKUP_TOO_MANY_FILES');
    if (error instanceof InvalidMultipartContentTypeError) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
    throw error;
  }
  return files;
}

export function checkupImportRoutes(imports: CheckupImportsService) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['checkups'];

    app.get(
      '/checkups/template',
      {
        schema: {
          tags,
          summary: 'The checkup import template (Excel or CSV), column names in the caller’s language',
          querystring: CheckupTemplateQuery,
          produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv'],
        },
        config: { access: { roles: IMPORTERS } },
      },
      async (req, reply) => {
        const language = requestLanguage(req);
        const zhName = language === 'zh-CN' ? '体检报告导入模板' : 'checkup-import-template';
        if (req.query.format === 'csv') {
          return reply
            .type('text/csv; charset=utf-8')
            .header('content-disposition', attachment('checkup-import-template.csv', `${zhName}.csv`))
            .send(buildTemplateCsv(language === 'zh-CN' ? 'zh' : 'en'));
        }
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', attachment('checkup-import-template.xlsx', `${zhName}.xlsx`))
          .send(await buildTemplateXlsx(language === 'zh-CN' ? 'zh' : 'en'));
      },
    );

    app.post(
      '/checkups/imports',
      {
        schema: {
          tags,
          summary:
            'Upload checkup files (multipart `files`): refused files are named at once, the rest import as a job',
          consumes: ['multipart/form-data'],
          response: { 202: CreatedCheckupImport },
        },
        config: { access: { roles: IMPORTERS } },
      },
      async (req, reply) => {
        const ctx = staffContextOf(req);
        const files = await readUploads(req);
        return reply.status(202).send(await imports.create(ctx, files, requestLanguage(req)));
      },
    );

    app.get(
      '/checkups/imports',
      {
        schema: {
          tags,
          summary: 'Recent checkup imports of the organization',
          querystring: CheckupImportListQuery,
          response: { 200: CheckupImportPage },
        },
        config: { access: { roles: IMPORTERS } },
      },
      async (req) => imports.list(staffContextOf(req), req.query, requestLanguage(req)),
    );

    app.get(
      '/checkups/imports/:jobId',
      {
        schema: {
          tags,
          summary: 'One import: status and counts (poll it for a progress bar)',
          params: JobParams,
          response: { 200: CheckupImportJob },
        },
        config: { access: { roles: IMPORTERS } },
      },
      async (req) => imports.get(staffContextOf(req), req.params.jobId, requestLanguage(req)),
    );

    app.get(
      '/checkups/imports/:jobId/problems',
      {
        schema: {
          tags,
          summary: 'The row-by-row problems of an import',
          params: JobParams,
          querystring: CheckupImportProblemQuery,
          response: { 200: CheckupImportProblemPage },
        },
        config: { access: { roles: IMPORTERS } },
      },
      async (req) => imports.problems(staffContextOf(req), req.params.jobId, req.query, requestLanguage(req)),
    );

    app.get(
      '/checkups/imports/:jobId/problems.csv',
      {
        schema: {
          tags,
          summary: 'The problems of an import as a CSV file for Excel',
          params: JobParams,
          produces: ['text/csv'],
        },
        config: { access: { roles: IMPORTERS } },
      },
      async (req, reply) => {
        const language = requestLanguage(req);
        const problems = await imports.allProblems(staffContextOf(req), req.params.jobId, language);
        const name = language === 'zh-CN' ? '导入问题' : 'import-problems';
        return reply
          .type('text/csv; charset=utf-8')
          .header('cache-control', 'private, no-store')
          .header('content-disposition', attachment('import-problems.csv', `${name}.csv`))
          .send(problemsCsv(problems, language));
      },
    );

    app.post(
      '/checkups/imports/:jobId/cancel',
      {
        schema: {
          tags,
          summary: 'Stop an import; the reports already stored stay',
          params: JobParams,
          response: { 200: CheckupImportJob },
        },
        config: { access: { roles: IMPORTERS } },
      },
      async (req) => imports.cancel(staffContextOf(req), req.params.jobId, requestLanguage(req)),
    );
  };
}
