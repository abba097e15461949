import type { z } from 'zod';
import type { ApiToken, ApiTokenScope } from '@careloop/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import type { RequestContext, StaffActor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { hashToken, newToken } from '../../platform/crypto/tokens.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { apiTokensRepository as repo } from './api-tokens.repository.ts';

type Token = z.infer<typeof ApiToken>;
type Scope = z.infer<typeof ApiTokenScope>;

function toToken(r: {
  id: string;
  name: string;
  scopes: string[];
  created_at: Date;
  last_used_at: Date | null;
  expires_at: Date | null;
  revoked_at: Date | null;
}): Token {
  return {
    id: r.id,
    name: r.name,
    scopes: r.scopes as Scope[],
    createdAt: r.created_at.toISOString(),
    lastUsedAt: r.last_used_at?.toISOString() ?? null,
    expiresAt: r.expires_at?.toISOString() ?? null,
    revokedAt: r.revoked_at?.toISOString() ?? null,
  };
}

/**
 * Bearer tokens for integrations and devices. A token acts as the staff member who made it, limited to its scopes;
 * only its SHA-256 hash is stored, and the secret is shown once.
 */
export class ApiTokensService {
  constructor(private readonly deps: AppDeps) {}

  async list(ctx: RequestContext & { actor: StaffActor }): Promise<Token[]> {
    const rows = await repo.listOwn(this.deps.db, ctx.actor.accountId, ctx.actor.orgId);
    return rows.map(toToken);
  }

  async create(
    ctx: RequestContext & { actor: StaffActor },
    input: { name: string; scopes: Scope[]; expiresAt?: string | undefined },
  ) {
    if (ctx.actor.via === 'token') throw new AppError('FORBIDDEN');
    if (input.expiresAt && new Date(input.expiresAt) <= new Date()) {
      throw new AppError('VALIDATION_FAILED', {
        errors: [{ path: 'expiresAt', message: 'must_be_in_the_future' }],
      });
    }
    const token = newToken('clt_');
    const id = uuidv7();
    return this.deps.db.transaction().execute(async (tx) => {
      const row = await repo.insert(tx, {
        id,
        org_id: ctx.actor.orgId,
        account_id: ctx.actor.accountId,
        name: input.name,
        token_hash: hashToken(token),
        scopes: [...new Set(input.scopes)],
        expires_at: input.expiresAt ?? null,
      });
      await recordAudit(tx, ctx, {
        action: 'api_token.create',
        resourceType: 'api_token',
        resourceId: id,
        detail: { scopes: input.scopes },
      });
      return { ...toToken(row), token };
    });
  }

  async revoke(ctx: RequestContext & { actor: StaffActor }, id: string): Promise<void> {
    await this.deps.db.transaction().execute(async (tx) => {
      if (!(await repo.revokeOwn(tx, ctx.actor.accountId, id))) throw new AppError('NOT_FOUND');
      await recordAudit(tx, ctx, { action: 'api_token.revoke', resourceType: 'api_token', resourceId: id });
    });
  }
}
