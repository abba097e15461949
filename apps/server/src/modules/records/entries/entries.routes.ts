import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Ok, RecordEntryListQuery, Uuid } from '@careloop/contracts';
import { contextOf } from '../../../platform/auth/auth-hook.ts';
import { requestLanguage } from '../../../platform/http/language.ts';
import { ENTRY_KINDS } from './entry-kinds.ts';
import type { EntriesService } from './entries.service.ts';

const PatientParams = z.object({ id: Uuid });
const EntryParams = z.object({ id: Uuid, entryId: Uuid });

/**
 * GET, POST /patients/:id/<kind> and PATCH, DELETE /patients/:id/<kind>/:entryId for conditions, allergies,
 * medications, procedures, family history and encounters. Patients and staff both reach these routes; the service
 * decides on the record (care team, own profile, proxy) and on the entry (self-reported or not).
 */
export function entriesRoutes(entries: EntriesService) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['records'];

    for (const kind of ENTRY_KINDS) {
      const base = `/patients/:id/${kind.path}`;
      app.get(
        base,
        {
          schema: {
            tags,
            summary: `List the patient's ${kind.path} (current first)`,
            params: PatientParams,
            querystring: RecordEntryListQuery,
            response: { 200: kind.schemas.list },
          },
          config: { access: 'signed-in' },
        },
        async (req) => entries.list(contextOf(req), kind, req.params.id, req.query.includeInactive),
      );

      app.post(
        base,
        {
          schema: {
            tags,
            summary: `Add to the patient's ${kind.path} (patients: self-reported)`,
            params: PatientParams,
            body: kind.schemas.input,
            response: { 201: kind.schemas.item },
          },
          config: { access: 'signed-in' },
        },
        async (req, reply) =>
          reply
            .status(201)
            .send(
              await entries.create(
                contextOf(req),
                kind,
                req.params.id,
                req.body as Record<string, unknown>,
                requestLanguage(req),
              ),
            ),
      );

      app.patch(
        `${base}/:entryId`,
        {
          schema: {
            tags,
            summary: `Change one of the patient's ${kind.path} (send the version you read)`,
            params: EntryParams,
            body: kind.schemas.update,
            response: { 200: kind.schemas.item },
          },
          config: { access: 'signed-in' },
        },
        async (req) =>
          entries.update(
            contextOf(req),
            kind,
            { patientId: req.params.id, entryId: req.params.entryId },
            req.body as Record<string, unknown> & { version: number },
            requestLanguage(req),
          ),
      );

      app.delete(
        `${base}/:entryId`,
        {
          schema: {
            tags,
            summary: `Remove one of the patient's ${kind.path} (kept for the audit trail)`,
            params: EntryParams,
            response: { 200: Ok },
          },
          config: { access: 'signed-in' },
        },
        async (req) => {
          await entries.remove(contextOf(req), kind, {
            patientId: req.params.id,
            entryId: req.params.entryId,
          });
          return { ok: true as const };
        },
      );
    }
  };
}
