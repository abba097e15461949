import { authenticator } from 'otplib';
import QRCode from 'qrcode';
import { randomBytes } from 'node:crypto';
import type { Me } from '@careloop/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { hashToken, safeEqual } from '../../platform/crypto/tokens.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import type { Language } from '../../platform/http/language.ts';
import { identityRepository as repo } from './identity.repository.ts';
import { mfaRepository as mfaRepo } from './mfa.repository.ts';
import { buildMe } from './me.ts';

// RFC 6238 TOTP, 30 s steps, 6 digits; one step of clock drift either way is accepted.
authenticator.options = { window: 1, step: 30, digits: 6 };

const RECOVERY_CODE_COUNT = 10;

/** The RFC 6238 time step a code belongs to, or null when it matches none in the accepted window. */
function matchedStep(code: string, secret: string): number | null {
  const delta = authenticator.checkDelta(code, secret);
  if (delta === null) return null;
  return Math.floor(Date.now() / 30_000) + delta;
}

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
    await mfaRepo.setPendingSecret(db, account.id, crypto.encrypt(secret));
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
    const step = matchedStep(code, pending);
    if (step === null) throw new AppError('INVALID_CODE');
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, recoveryCode);
    await db.transaction().execute(async (tx) => {
      await mfaRepo.enable(tx, account.id, crypto.encrypt(pending), step);
      await mfaRepo.replaceRecoveryCodes(tx, account.id, codes.map(hashToken));
      if (ctx.actor.via === 'session') await sessions.setMfaState(tx, ctx.actor.credentialId, 'ok');
      await recordAudit(tx, ctx, {
        action: 'auth.mfa.enrol',
        resourceType: 'account',
        resourceId: account.id,
      });
    });
    sessions.forgetAccount(account.id);
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
    const step = /^\d{6}$/.test(code) ? matchedStep(code, secret) : null;
    let ok = step !== null && (await mfaRepo.claimTotpStep(db, account.id, step));
    if (!ok && code.includes('-')) {
      const hash = hashToken(code.toLowerCase());
      const unused = await mfaRepo.unusedRecoveryCodes(db, account.id);
      recoveryId = unused.find((r) => safeEqual(r.code_hash, hash))?.id ?? null;
      ok = recoveryId !== null && (await mfaRepo.useRecoveryCode(db, recoveryId));
    }
    if (!ok) {
      await repo.recordFailedLogin(db, account.id, config.loginMaxFailures, config.loginLockMinutes);
      throw new AppError('INVALID_CODE');
    }
    await db.transaction().execute(async (tx) => {
      await repo.clearFailedLogins(tx, account.id);
      await sessions.setMfaState(tx, ctx.actor.credentialId, 'ok');
      await recordAudit(tx, ctx, {
        action: recoveryId ? 'auth.mfa.recovery_code' : 'auth.mfa.verify',
        resourceType: 'session',
        resourceId: ctx.actor.credentialId,
      });
    });
    sessions.forgetAccount(account.id);
    return buildMe(
      db,
      crypto,
      { accountId: account.id, orgId: ctx.actor.orgId, mfa: 'ok', csrfToken },
      language,
    );
  }
}
