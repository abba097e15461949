import type { PatientAddress, PatientAddressInput, PatientAddressList } from '@careloop/contracts';
import type { AppDeps } from '../../../platform/deps.ts';
import type { RequestContext } from '../../../platform/auth/actor.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import { requirePatientAccess } from '../../../platform/access/patient-access.ts';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { addressesRepository as repo } from './addresses.repository.ts';

type Row = Awaited<ReturnType<typeof repo.list>>[number];

/** A patient's delivery address book; recipient, phone and address are encrypted at rest. */
export class AddressesService {
  constructor(private readonly deps: AppDeps) {}

  private toAddress(r: Row): PatientAddress {
    const c = this.deps.crypto;
    return {
      id: r.id,
      patientId: r.patient_id,
      label: r.label,
      recipient: c.decrypt(r.recipient_enc),
      phone: c.decrypt(r.phone_enc),
      address: c.decrypt(r.address_enc),
      isDefault: r.is_default,
      version: r.version,
    };
  }

  async list(ctx: RequestContext, patientId: string): Promise<PatientAddressList> {
    return this.deps.db.transaction().execute(async (tx) => {
      const access = await requirePatientAccess(tx, ctx.actor, patientId, 'book');
      const rows = await repo.list(tx, patientId);
      await recordAudit(tx, ctx, {
        action: 'patient_address.list',
        resourceType: 'patient_address',
        patientId,
        orgId: access.orgId,
        detail: { basis: access.basis, count: rows.length },
      });
      return { items: rows.map((r) => this.toAddress(r)) };
    });
  }

  async create(ctx: RequestContext, patientId: string, body: PatientAddressInput): Promise<PatientAddress> {
    if (ctx.actor.kind !== 'patient') throw new AppError('FORBIDDEN');
    return this.deps.db.transaction().execute(async (tx) => {
      const access = await requirePatientAccess(tx, ctx.actor, patientId, 'book');
      const existing = await repo.list(tx, patientId);
      const id = uuidv7();
      const c = this.deps.crypto;
      await repo.insert(tx, {
        id,
        org_id: access.orgId,
        patient_id: patientId,
        label: body.label ?? null,
        recipient_enc: c.encrypt(body.recipient),
        phone_enc: c.encrypt(body.phone),
        address_enc: c.encrypt(body.address),
        // The first address is the default.
        is_default: body.isDefault ?? existing.length === 0,
      });
      await recordAudit(tx, ctx, {
        action: 'patient_address.create',
        resourceType: 'patient_address',
        resourceId: id,
        patientId,
        orgId: access.orgId,
        detail: { basis: access.basis },
      });
      return this.toAddress((await repo.find(tx, patientId, id))!);
    });
  }

  async remove(ctx: RequestContext, patientId: string, addressId: string): Promise<void> {
    await this.deps.db.transaction().execute(async (tx) => {
      const access = await requirePatientAccess(tx, ctx.actor, patientId, 'book');
      if (!(await repo.remove(tx, patientId, addressId))) throw new AppError('ADDRESS_NOT_FOUND');
      await recordAudit(tx, ctx, {
        action: 'patient_address.delete',
        resourceType: 'patient_address',
        resourceId: addressId,
        patientId,
        orgId: access.orgId,
        detail: { basis: access.basis },
      });
    });
  }
}
