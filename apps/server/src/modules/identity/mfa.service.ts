import { authenticator } from 'otplib';
import QRCode from 'qrcode';
import { randomBytes } from 'node:crypto';
import type { Me } from '@careloop/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { hashToken, safeEqual } from '../../platform/crypto/tokens.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import type { Language } from '../../platform/http/language.ts';
import { identityRepository as repo } from './identity.repository.ts';
import { buildMe } from './me.ts';

// RFC 6238 TOTP, 30 s steps, 6 digits; one step of clock drift either way is accepted.
authenticator.options = { window: 1, step: 30, digits: 6 };

const RECOVERY_CODE_COUNT = 10;

function recoveryCode(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(10);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

export class MfaService {
  constructor(private readonly deps: AppDeps) {}

  /** Starts (or restarts) enrolment: a new secret kept as pending until a code proves the app has it. */
  async beginEnrolment(ctx: RequestContext) {
    const { db, crypto } = this.deps;
    const account = await repo.findAccountById(db, ctx.actor.accountId);
    if (!account) throw new AppError('NOT_AUTHENTICATED');
    if (account.mfa_enabled && ctx.actor.mfa !== 'ok') throw new AppError('MFA_REQUIRED');
    const secret = authenticator.generateSecret(20);
    await db
      .updateTable('accounts')
      .set({ mfa_pending_secret_enc: crypto.encrypt(secret), updated_at: new Date() })
      .where('id', '=', account.id)
      .execute();
    const label = account.email ?? account.display_name;
    const otpauthUrl = authenticator.keyuri(label, 'CareLoop', secret);
    const qrDataUrl = await QRCode.toDataURL(otpauthUrl, { margin: 1, width: 220 });
    return { secret, otpauthUrl, qrDataUrl };
  }

  async confirmEnrolment(ctx: RequestContext, code: string): Promise<string[]> {
    const { db, crypto, sessions } = this.deps;
    const account = await repo.findAccountById(db, ctx.actor.accountId);
    const pending = crypto.decryptNullable(account?.mfa_pending_secret_enc);
    if (!account || !pending) throw new AppError('CONFLICT', { detail: 'No enrolment in progress' });
    if (!authenticator.check(code, pending)) throw new AppError('INVALID_CODE');
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, recoveryCode);
    await db.transaction().execute(async (tx) => {
      await tx
        .updateTable('accounts')
        .set({
          mfa_secret_enc: crypto.encrypt(pending),
          mfa_pending_secret_enc: null,
          mfa_enabled: true,
          updated_at: new Date(),
        })
        .where('id', '=', account.id)
        .execute();
      await tx.deleteFrom('mfa_recovery_codes').where('account_id', '=', account.id).execute();
      await tx
        .insertInto('mfa_recovery_codes')
        .values(
          codes.map((c) => ({
            id: uuidv7(),
            account_id: account.id,
            code_hash: hashToken(c),
            used_at: null,
          })),
        )
        .execute();
      if (ctx.actor.via === 'session') await sessions.setMfaState(tx, ctx.actor.credentialId, 'ok');
      await recordAudit(tx, ctx, {
        action: 'auth.mfa.enrol',
        resourceType: 'account',
        resourceId: account.id,
      });
    });
    return codes;
  }

  /** Completes sign-in with a TOTP code or a single-use recovery code. Failures count toward the lockout. */
  async verify(ctx: RequestContext, code: string, csrfToken: string, language: Language): Promise<Me> {
    const { db, crypto, sessions, config } = this.deps;
    const account = await repo.findAccountById(db, ctx.actor.accountId);
    const secret = crypto.decryptNullable(account?.mfa_secret_enc);
    if (!account || !secret) throw new AppError('MFA_ENROLMENT_REQUIRED');
    if (account.locked_until && account.locked_until > new Date()) throw new AppError('ACCOUNT_LOCKED');
    let recoveryId: string | null = null;
    let ok = /^\d{6}$/.test(code) && authenticator.check(code, secret);
    if (!ok && code.includes('-')) {
      const hash = hashToken(code.toLowerCase());
      const unused = await db
        .selectFrom('mfa_recovery_codes')
        .select(['id', 'code_hash'])
        .where('account_id', '=', account.id)
        .where('used_at', 'is', null)
        .execute();
      recoveryId = unused.find((r) => safeEqual(r.code_hash, hash))?.id ?? null;
      ok = recoveryId !== null;
    }
    if (!ok) {
      await repo.recordFailedLogin(db, account.id, config.loginMaxFailures, config.loginLockMinutes);
      throw new AppError('INVALID_CODE');
    }
    await db.transaction().execute(async (tx) => {
      if (recoveryId)
        await tx
          .updateTable('mfa_recovery_codes')
          .set({ used_at: new Date() })
          .where('id', '=', recoveryId)
          .execute();
      await repo.clearFailedLogins(tx, account.id);
      await sessions.setMfaState(tx, ctx.actor.credentialId, 'ok');
      await recordAudit(tx, ctx, {
        action: recoveryId ? 'auth.mfa.recovery_code' : 'auth.mfa.verify',
        resourceType: 'session',
        resourceId: ctx.actor.credentialId,
      });
    });
    return buildMe(
      db,
      crypto,
      { accountId: account.id, orgId: ctx.actor.orgId, mfa: 'ok', csrfToken },
      language,
    );
  }
}
