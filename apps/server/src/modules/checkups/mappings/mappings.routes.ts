import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CheckupItemMappingInput,
  CheckupItemMappingPage,
  CheckupItemMappingQuery,
  CheckupItemMappingUpdate,
  Ok,
  SavedCheckupItemMapping,
  UnmappedCheckupItemPage,
  UnmappedCheckupItemQuery,
  Uuid,
} from '@careloop/contracts';
import { staffContextOf } from '../../../platform/auth/auth-hook.ts';
import type { CheckupMappingsService } from './mappings.service.ts';

const MAPPING_EDITORS = ['org_admin', 'health_manager'] as const;
const MappingParams = z.object({ id: Uuid });

export function checkupMappingRoutes(mappings: CheckupMappingsService) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['checkups'];

    app.get(
      '/checkups/item-mappings',
      {
        schema: {
          tags,
          summary: "The organization's local item names mapped to LOINC codes",
          querystring: CheckupItemMappingQuery,
          response: { 200: CheckupItemMappingPage },
        },
        config: { access: { roles: MAPPING_EDITORS } },
      },
      async (req) => mappings.list(staffContextOf(req), req.query),
    );

    app.post(
      '/checkups/item-mappings',
      {
        schema: {
          tags,
          summary:
            'Map a local item name to a LOINC code (re-codes the items already stored under that name)',
          body: CheckupItemMappingInput,
          response: { 201: SavedCheckupItemMapping },
        },
        config: { access: { roles: MAPPING_EDITORS } },
      },
      async (req, reply) => reply.status(201).send(await mappings.create(staffContextOf(req), req.body)),
    );

    app.patch(
      '/checkups/item-mappings/:id',
      {
        schema: {
          tags,
          summary: 'Change a mapping (send the version you read)',
          params: MappingParams,
          body: CheckupItemMappingUpdate,
          response: { 200: SavedCheckupItemMapping },
        },
        config: { access: { roles: MAPPING_EDITORS } },
      },
      async (req) => mappings.update(staffContextOf(req), req.params.id, req.body),
    );

    app.delete(
      '/checkups/item-mappings/:id',
      {
        schema: {
          tags,
          summary: 'Delete a mapping (items already re-coded keep their code)',
          params: MappingParams,
          response: { 200: Ok },
        },
        config: { access: { roles: MAPPING_EDITORS } },
      },
      async (req) => {
        await mappings.remove(staffContextOf(req), req.params.id);
        return { ok: true as const };
      },
    );

    app.get(
      '/checkups/unmapped',
      {
        schema: {
          tags,
          summary: 'Imported items kept under their local name, grouped by name, for review',
          querystring: UnmappedCheckupItemQuery,
          response: { 200: UnmappedCheckupItemPage },
        },
        config: { access: { roles: MAPPING_EDITORS } },
      },
      async (req) => mappings.unmapped(staffContextOf(req), req.query),
    );
  };
}
