import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import multipart from '@fastify/multipart';
import { z } from 'zod';
import { CsvReadingsResult, MonitoringImport, MonitoringImportCreate, Uuid } from '@careloop/contracts';
import type { AppDeps } from '../../../platform/deps.ts';
import { contextOf } from '../../../platform/auth/auth-hook.ts';
import { requestLanguage } from '../../../platform/http/language.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { MonitoringImportsService } from './imports.service.ts';
import { CsvReadingsService } from './csv-readings.service.ts';
import { readingsCsvTemplate } from './csv-readings.ts';
import { readCsvUpload } from './csv-upload.ts';
import { PART_SIZE } from './import-parts.ts';

const PatientParams = z.object({ patientId: Uuid });
const ImportParams = z.object({ patientId: Uuid, importId: Uuid });
const PartParams = ImportParams.extend({ n: z.coerce.number().int().min(0).max(1_000_000) });
/** A part's body may be a little over the part size before it is refused by its exact size. */
const PART_BODY_LIMIT = PART_SIZE + 64 * 1024;

const attachment = (ascii: string, utf8: string) =>
  `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(utf8)}`;

/** Apple Health imports in parts, readings CSV upload and its template. */
export function monitoringImportsRoutes(deps: AppDeps) {
  const imports = new MonitoringImportsService(deps);
  const csv = new CsvReadingsService(deps);
  return async function routes(fastify: FastifyInstance) {
    // Multipart (the CSV) and raw bytes (the parts) only in this scope: the rest of the API takes JSON.
    if (!fastify.hasRequestDecorator('isMultipart')) await fastify.register(multipart);
    fastify.addContentTypeParser(
      'application/octet-stream',
      { parseAs: 'buffer', bodyLimit: PART_BODY_LIMIT },
      (_req, body, done) => done(null, body),
    );
    // Imports run in this process when the app has no job runner: the app closes after they finish.
    fastify.addHook('onClose', async () => imports.drain());
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['monitoring'];

    app.post(
      '/patients/:patientId/monitoring/imports',
      {
        schema: {
          tags,
          summary:
            'Declare an Apple Health export.xml to upload: the answer gives the part size; PUT the parts, then ' +
            'complete',
          params: PatientParams,
          body: MonitoringImportCreate,
          response: { 201: MonitoringImport },
        },
        config: { access: 'signed-in' },
      },
      async (req, reply) => {
        const created = await imports.create(
          contextOf(req),
          req.params.patientId,
          req.body,
          requestLanguage(req),
        );
        return reply.status(201).send(created);
      },
    );

    app.put(
      '/patients/:patientId/monitoring/imports/:importId/parts/:n',
      {
        schema: {
          tags,
          summary:
            'Upload part n (0-based) as application/octet-stream: partSize bytes, the last part the rest; ' +
            'sending a part again replaces it',
          params: PartParams,
          consumes: ['application/octet-stream'],
          response: { 200: MonitoringImport },
        },
        config: { access: 'signed-in' },
        bodyLimit: PART_BODY_LIMIT,
      },
      async (req) => {
        if (!Buffer.isBuffer(req.body)) {
          throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
            errors: [{ path: 'headers.content-type', message: 'expected application/octet-stream' }],
          });
        }
        const { patientId, importId, n } = req.params;
        return imports.putPart(contextOf(req), { patientId, importId }, n, req.body, requestLanguage(req));
      },
    );

    app.post(
      '/patients/:patientId/monitoring/imports/:importId/complete',
      {
        schema: {
          tags,
          summary:
            'All parts are uploaded: the import is queued and runs in the background (409 names missing parts)',
          params: ImportParams,
          response: { 200: MonitoringImport },
        },
        config: { access: 'signed-in' },
      },
      async (req) => imports.complete(contextOf(req), req.params, requestLanguage(req)),
    );

    app.get(
      '/patients/:patientId/monitoring/imports/:importId',
      {
        schema: {
          tags,
          summary: 'One import: status, bytes read, readings stored by type, the first problems (poll it)',
          params: ImportParams,
          response: { 200: MonitoringImport },
        },
        config: { access: 'signed-in' },
      },
      async (req) => imports.get(contextOf(req), req.params, requestLanguage(req)),
    );

    app.post(
      '/patients/:patientId/monitoring/csv',
      {
        schema: {
          tags,
          summary:
            'Readings from a CSV file (multipart `file`, up to 5 MB, UTF-8 or GB18030, the template’s header in ' +
            'English or Chinese); each row is checked on its own',
          params: PatientParams,
          consumes: ['multipart/form-data'],
          response: { 200: CsvReadingsResult },
        },
        config: { access: 'signed-in' },
      },
      async (req) =>
        csv.importCsv(contextOf(req), req.params.patientId, () => readCsvUpload(req), requestLanguage(req)),
    );

    app.get(
      '/monitoring/csv-template',
      {
        schema: {
          tags,
          summary: 'The readings CSV template: the header in the caller’s language and two example rows',
          produces: ['text/csv'],
        },
        config: { access: 'signed-in' },
      },
      async (req, reply) => {
        const zh = requestLanguage(req) === 'zh-CN';
        return reply
          .type('text/csv; charset=utf-8')
          .header(
            'content-disposition',
            attachment('readings-template.csv', zh ? '读数导入模板.csv' : 'readings-template.csv'),
          )
          .send(readingsCsvTemplate(zh ? 'zh' : 'en'));
      },
    );
  };
}
