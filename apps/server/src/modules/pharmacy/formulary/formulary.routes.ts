import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import multipart from '@fastify/multipart';
import { z } from 'zod';
import {
  DrugInteraction,
  DrugInteractionInput,
  DrugInteractionList,
  FormularyDrug,
  FormularyDrugInput,
  FormularyDrugUpdate,
  FormularyImportResult,
  FormularyPage,
  FormularyQuery,
  Ok,
  StockUpdateBody,
  Uuid,
} from '@careloop/contracts';
import { contextOf } from '../../../platform/auth/auth-hook.ts';
import { requestLanguage } from '../../../platform/http/language.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import type { FormularyService } from './formulary.service.ts';

const Params = z.object({ id: Uuid });
const ADMIN = { roles: ['org_admin'] } as const;
const STOCK = { roles: ['org_admin', 'pharmacist'] } as const;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** A formulary of thousands of drugs is well under this. */
const IMPORT_MAX_BYTES = 10 * 1024 * 1024;

async function readWorkbook(req: FastifyRequest): Promise<Buffer> {
  const { RequestFileTooLargeError, InvalidMultipartContentTypeError } = req.server.multipartErrors;
  if (!req.isMultipart()) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
      errors: [{ path: 'headers.content-type', message: 'expected multipart/form-data with an .xlsx file' }],
    });
  }
  let bytes: Buffer | null = null;
  try {
    for await (const part of req.parts({
      limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 2, parts: 3 },
    })) {
      if (part.type === 'file' && part.fieldname === 'file') bytes = await part.toBuffer();
      else if (part.type === 'file') await part.toBuffer();
    }
  } catch (error) {
    if (error instanceof RequestFileTooLargeError) {
      throw new AppError('FORMULARY_IMPORT_TOO_LARGE', {
        errors: [{ path: 'file', message: `larger than ${IMPORT_MAX_BYTES} bytes` }],
      });
    }
    if (error instanceof InvalidMultipartContentTypeError) {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
        errors: [{ path: 'headers.content-type', message: 'expected multipart/form-data' }],
      });
    }
    throw new AppError('FORMULARY_IMPORT_UNREADABLE', {
      errors: [{ path: 'file', message: 'unreadable_form' }],
    });
  }
  if (!bytes) throw new AppError('VALIDATION_FAILED', { errors: [{ path: 'file', message: 'required' }] });
  return bytes;
}

export function formularyRoutes(formulary: FormularyService) {
  return async function routes(fastify: FastifyInstance) {
    if (!fastify.hasRequestDecorator('isMultipart')) await fastify.register(multipart);
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['pharmacy'];

    app.get(
      '/pharmacy/formulary',
      {
        schema: {
          tags,
          summary: "Search the organization's formulary by name, brand, pinyin, initials, ingredient or code",
          querystring: FormularyQuery,
          response: { 200: FormularyPage },
        },
        config: { access: 'staff' },
      },
      async (req) => formulary.search(contextOf(req), req.query, requestLanguage(req)),
    );

    app.get(
      '/pharmacy/formulary/export.xlsx',
      {
        schema: {
          tags,
          summary: 'The formulary with stock as an Excel workbook (also the import template)',
          produces: [XLSX],
        },
        config: { access: STOCK },
      },
      async (req, reply) => {
        const bytes = await formulary.exportWorkbook(contextOf(req), requestLanguage(req));
        return reply
          .header('content-type', XLSX)
          .header('content-disposition', 'attachment; filename="formulary.xlsx"')
          .header('cache-control', 'no-store')
          .send(bytes);
      },
    );

    app.post(
      '/pharmacy/formulary/import',
      {
        schema: {
          tags,
          summary:
            'Import a workbook in the export layout (multipart, field "file"): all rows or none; row problems ' +
            'come back as a 422 listing row and column',
          consumes: ['multipart/form-data'],
          response: { 200: FormularyImportResult },
        },
        config: { access: ADMIN },
      },
      async (req) => formulary.importWorkbook(contextOf(req), await readWorkbook(req)),
    );

    app.get(
      '/pharmacy/formulary/:id',
      {
        schema: {
          tags,
          summary: 'One drug with its stock',
          params: Params,
          response: { 200: FormularyDrug },
        },
        config: { access: 'staff' },
      },
      async (req) => formulary.get(contextOf(req), req.params.id, requestLanguage(req)),
    );

    app.post(
      '/pharmacy/formulary',
      {
        schema: { tags, summary: 'Add a drug', body: FormularyDrugInput, response: { 201: FormularyDrug } },
        config: { access: ADMIN },
      },
      async (req, reply) =>
        reply.status(201).send(await formulary.create(contextOf(req), req.body, requestLanguage(req))),
    );

    app.patch(
      '/pharmacy/formulary/:id',
      {
        schema: {
          tags,
          summary: 'Change a drug (optimistic version); signed prescriptions keep what they copied',
          params: Params,
          body: FormularyDrugUpdate,
          response: { 200: FormularyDrug },
        },
        config: { access: ADMIN },
      },
      async (req) => formulary.update(contextOf(req), req.params.id, req.body, requestLanguage(req)),
    );

    app.put(
      '/pharmacy/formulary/:id/stock',
      {
        schema: {
          tags,
          summary: 'Set the packages on hand (not below what orders reserve)',
          params: Params,
          body: StockUpdateBody,
          response: { 200: FormularyDrug },
        },
        config: { access: STOCK },
      },
      async (req) => formulary.setStock(contextOf(req), req.params.id, req.body.onHand, requestLanguage(req)),
    );

    app.get(
      '/pharmacy/interactions',
      {
        schema: {
          tags,
          summary: "The organization's interaction pairs",
          response: { 200: DrugInteractionList },
        },
        config: { access: 'staff' },
      },
      async (req) => formulary.interactions(contextOf(req)),
    );

    app.post(
      '/pharmacy/interactions',
      {
        schema: {
          tags,
          summary: 'Add an interaction pair (ingredient or ATC class prefix on each side)',
          body: DrugInteractionInput,
          response: { 201: DrugInteraction },
        },
        config: { access: ADMIN },
      },
      async (req, reply) =>
        reply.status(201).send(await formulary.saveInteraction(contextOf(req), null, req.body)),
    );

    app.put(
      '/pharmacy/interactions/:id',
      {
        schema: {
          tags,
          summary: 'Change an interaction pair',
          params: Params,
          body: DrugInteractionInput,
          response: { 200: DrugInteraction },
        },
        config: { access: ADMIN },
      },
      async (req) => formulary.saveInteraction(contextOf(req), req.params.id, req.body),
    );

    app.delete(
      '/pharmacy/interactions/:id',
      {
        schema: { tags, summary: 'Remove an interaction pair', params: Params, response: { 200: Ok } },
        config: { access: ADMIN },
      },
      async (req) => {
        await formulary.deleteInteraction(contextOf(req), req.params.id);
        return { ok: true as const };
      },
    );
  };
}
