// The pharmacy module's prescribing side (处方与药品目录): the organization's formulary with stock and interactions
// (Excel round trip), e-prescriptions with a live safety check, signing and versions, and the pharmacist's review.
// The fulfilment side (orders, dispensing, delivery, payments) registers separately through fulfilment.ts.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { FormularyService } from './formulary/formulary.service.ts';
import { formularyRoutes } from './formulary/formulary.routes.ts';
import { PrescriptionsService } from './prescriptions/prescriptions.service.ts';
import { prescriptionsRoutes } from './prescriptions/prescriptions.routes.ts';
import { ReviewService } from './review/review.service.ts';
import { reviewRoutes } from './review/review.routes.ts';

export { applyImport } from './formulary/formulary.service.ts';
export { inputOfClinical, drugSearchText } from './formulary/drug-view.ts';

export function pharmacyRoutes(deps: AppDeps) {
  const formulary = new FormularyService(deps);
  const prescriptions = new PrescriptionsService(deps);
  const review = new ReviewService(deps);
  return async function routes(app: FastifyInstance) {
    await app.register(formularyRoutes(formulary));
    await app.register(prescriptionsRoutes(prescriptions));
    await app.register(reviewRoutes(review));
  };
}
