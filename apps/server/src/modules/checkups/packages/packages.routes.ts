import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CheckupPackage,
  CheckupPackageInput,
  CheckupPackageList,
  CheckupPackageUpdate,
  Uuid,
} from '@careloop/contracts';
import { staffContextOf } from '../../../platform/auth/auth-hook.ts';
import type { CheckupPackagesService } from './packages.service.ts';

const PACKAGE_READERS = ['org_admin', 'health_manager', 'doctor', 'nurse'] as const;
const PACKAGE_EDITORS = ['org_admin', 'health_manager'] as const;

export function checkupPackageRoutes(packages: CheckupPackagesService) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['checkups'];

    app.get(
      '/checkups/packages',
      {
        schema: {
          tags,
          summary: "The organization's checkup packages",
          response: { 200: CheckupPackageList },
        },
        config: { access: { roles: PACKAGE_READERS } },
      },
      async (req) => packages.list(staffContextOf(req)),
    );

    app.post(
      '/checkups/packages',
      {
        schema: {
          tags,
          summary: 'Create a checkup package',
          body: CheckupPackageInput,
          response: { 201: CheckupPackage },
        },
        config: { access: { roles: PACKAGE_EDITORS } },
      },
      async (req, reply) => reply.status(201).send(await packages.create(staffContextOf(req), req.body)),
    );

    app.patch(
      '/checkups/packages/:id',
      {
        schema: {
          tags,
          summary: 'Change a checkup package (send the version you read)',
          params: z.object({ id: Uuid }),
          body: CheckupPackageUpdate,
          response: { 200: CheckupPackage },
        },
        config: { access: { roles: PACKAGE_EDITORS } },
      },
      async (req) => packages.update(staffContextOf(req), req.params.id, req.body),
    );
  };
}
