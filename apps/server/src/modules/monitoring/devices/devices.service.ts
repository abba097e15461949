import type { Device, DeviceInput, DeviceWithToken } from '@careloop/contracts';
import type { AppDeps } from '../../../platform/deps.ts';
import type { Executor } from '../../../platform/db/database.ts';
import type { RequestContext } from '../../../platform/auth/actor.ts';
import type { DeviceCaller } from '../../../platform/auth/auth-hook.ts';
import type { DevicesTable } from '../../../platform/db/schema-monitoring.ts';
import { requirePatientAccess } from '../../../platform/access/patient-access.ts';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { hashToken, newToken } from '../../../platform/crypto/tokens.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import { AppError } from '../../../platform/errors/app-error.ts';

type DeviceRow = Pick<
  DevicesTable,
  'id' | 'patient_id' | 'kind' | 'model' | 'serial' | 'label' | 'token_hint'
> & {
  status: 'active' | 'revoked';
  last_seen_at: Date | null;
  created_at: Date;
  revoked_at: Date | null;
};

const COLUMNS = [
  'id',
  'patient_id',
  'kind',
  'model',
  'serial',
  'label',
  'token_hint',
  'status',
  'last_seen_at',
  'created_at',
  'revoked_at',
] as const;

export const deviceTopic = (deviceId: string) => `careloop/v1/devices/${deviceId}/readings`;

function toDevice(r: DeviceRow): Device {
  return {
    id: r.id,
    patientId: r.patient_id,
    kind: r.kind,
    model: r.model,
    serial: r.serial,
    label: r.label,
    status: r.status,
    tokenHint: r.token_hint,
    mqttTopic: deviceTopic(r.id),
    lastSeenAt: r.last_seen_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
    revokedAt: r.revoked_at?.toISOString() ?? null,
  };
}

/** Device tokens: `cld_` and 43 random characters; only the SHA-256 is stored. */
const issueToken = () => {
  const token = newToken('cld_');
  return { token, hash: hashToken(token), hint: token.slice(-4) };
};

/** The active device a bearer token belongs to, or null (the caller answers 401). */
export async function resolveDeviceToken(db: Executor, token: string): Promise<DeviceCaller | null> {
  if (!token.startsWith('cld_') || token.length > 100) return null;
  const row = await db
    .selectFrom('devices')
    .select(['id', 'org_id', 'patient_id'])
    .where('token_hash', '=', hashToken(token))
    .where('status', '=', 'active')
    .executeTakeFirst();
  return row ? { id: row.id, orgId: row.org_id, patientId: row.patient_id } : null;
}

export class DevicesService {
  constructor(private readonly deps: AppDeps) {}

  async list(ctx: RequestContext, patientId: string): Promise<Device[]> {
    return this.deps.db.transaction().execute(async (tx) => {
      const access = await requirePatientAccess(tx, ctx.actor, patientId, 'view');
      const rows = await tx
        .selectFrom('devices')
        .select(COLUMNS)
        .where('patient_id', '=', patientId)
        .where('org_id', '=', access.orgId)
        .orderBy('status')
        .orderBy('created_at', 'desc')
        .execute();
      await recordAudit(tx, ctx, {
        action: 'monitoring.devices.list',
        resourceType: 'device',
        patientId,
        orgId: access.orgId,
      });
      return rows.map(toDevice);
    });
  }

  async register(ctx: RequestContext, patientId: string, input: DeviceInput): Promise<DeviceWithToken> {
    return this.deps.db.transaction().execute(async (tx) => {
      const access = await requirePatientAccess(tx, ctx.actor, patientId, 'edit');
      const taken = await tx
        .selectFrom('devices')
        .select(['patient_id'])
        .where('org_id', '=', access.orgId)
        .where('kind', '=', input.kind)
        .where('serial', '=', input.serial)
        .where('status', '=', 'active')
        .executeTakeFirst();
      if (taken) {
        throw new AppError('MONITORING_DEVICE_SERIAL_TAKEN');
      }
      const { token, hash, hint } = issueToken();
      const row = await tx
        .insertInto('devices')
        .values({
          id: uuidv7(),
          org_id: access.orgId,
          patient_id: patientId,
          kind: input.kind,
          model: input.model,
          serial: input.serial,
          label: input.label || null,
          token_hash: hash,
          token_hint: hint,
          created_by: ctx.actor.accountId,
        })
        .returning(COLUMNS)
        .executeTakeFirstOrThrow();
      await recordAudit(tx, ctx, {
        action: 'monitoring.devices.register',
        resourceType: 'device',
        resourceId: row.id,
        patientId,
        orgId: access.orgId,
        detail: { kind: input.kind },
      });
      return { ...toDevice(row), token };
    });
  }

  async rotateToken(ctx: RequestContext, patientId: string, deviceId: string): Promise<DeviceWithToken> {
    return this.deps.db.transaction().execute(async (tx) => {
      const access = await requirePatientAccess(tx, ctx.actor, patientId, 'edit');
      const { token, hash, hint } = issueToken();
      const row = await tx
        .updateTable('devices')
        .set((eb) => ({ token_hash: hash, token_hint: hint, version: eb('version', '+', 1) }))
        .where('id', '=', deviceId)
        .where('patient_id', '=', patientId)
        .where('org_id', '=', access.orgId)
        .where('status', '=', 'active')
        .returning(COLUMNS)
        .executeTakeFirst();
      if (!row) throw new AppError('MONITORING_DEVICE_NOT_FOUND');
      await recordAudit(tx, ctx, {
        action: 'monitoring.devices.rotate-token',
        resourceType: 'device',
        resourceId: deviceId,
        patientId,
        orgId: access.orgId,
      });
      return { ...toDevice(row), token };
    });
  }

  async revoke(ctx: RequestContext, patientId: string, deviceId: string): Promise<Device> {
    return this.deps.db.transaction().execute(async (tx) => {
      const access = await requirePatientAccess(tx, ctx.actor, patientId, 'edit');
      const row = await tx
        .updateTable('devices')
        .set((eb) => ({ status: 'revoked', revoked_at: new Date(), version: eb('version', '+', 1) }))
        .where('id', '=', deviceId)
        .where('patient_id', '=', patientId)
        .where('org_id', '=', access.orgId)
        .returning(COLUMNS)
        .executeTakeFirst();
      if (!row) throw new AppError('MONITORING_DEVICE_NOT_FOUND');
      await recordAudit(tx, ctx, {
        action: 'monitoring.devices.revoke',
        resourceType: 'device',
        resourceId: deviceId,
        patientId,
        orgId: access.orgId,
      });
      return toDevice(row);
    });
  }
}
