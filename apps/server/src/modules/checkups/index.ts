// The checkups module's public API (体检): imports of checkup reports, the org's item mappings and packages, and a
// patient's reports explained and compared. Other modules import only this file.
import type { FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import type { AppDeps } from '../../platform/deps.ts';
import { CheckupImportsService } from './imports/imports.service.ts';
import { checkupImportRoutes } from './imports/imports.routes.ts';
import { CheckupMappingsService } from './mappings/mappings.service.ts';
import { checkupMappingRoutes } from './mappings/mappings.routes.ts';
import { CheckupPackagesService } from './packages/packages.service.ts';
import { checkupPackageRoutes } from './packages/packages.routes.ts';
import { CheckupReportsService } from './reports/reports.service.ts';
import { checkupReportRoutes } from './reports/reports.routes.ts';
import { closeOcr } from './parsers/index.ts';

export { checkupImportJob } from './imports/imports.jobs.ts';
export { CheckupImportRunner } from './imports/import-runner.ts';

export function checkupsRoutes(deps: AppDeps) {
  const imports = new CheckupImportsService(deps);
  return async function routes(app: FastifyInstance) {
    // Multipart only in this module's scope: the rest of the API takes JSON.
    // A file over the limit is cut and marked truncated (then refused by name), not an error mid-upload.
    await app.register(multipart, { throwFileSizeLimit: false });
    // Imports run in this process when the app has no job runner: the app closes after they finish.
    app.addHook('onClose', async () => {
      await imports.drain();
      // The OCR worker (a WebAssembly thread with its language models) lives per process; end it with the app.
      await closeOcr();
    });
    await app.register(checkupImportRoutes(imports));
    await app.register(checkupMappingRoutes(new CheckupMappingsService(deps)));
    await app.register(checkupPackageRoutes(new CheckupPackagesService(deps)));
    await app.register(checkupReportRoutes(new CheckupReportsService(deps)));
  };
}
