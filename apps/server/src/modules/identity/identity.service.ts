import type { Me, SessionInfo } from '@careloop/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { MfaState, RequestContext } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { hashToken, sixDigitCode, safeEqual } from '../../platform/crypto/tokens.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import type { Language } from '../../platform/http/language.ts';
import { identityRepository as repo, type AccountForLogin } from './identity.repository.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { buildMe } from './me.ts';

export interface ClientInfo {
  userAgent: string | null;
  ip: string | null;
  requestId: string;
  language: Language;
}

export interface SignedIn {
  me: Me;
  token: string;
}

type CodePurpose = 'sms_login' | 'register' | 'password_reset';
const CODE_TTL_MINUTES: Record<CodePurpose, number> = { sms_login: 5, register: 5, password_reset: 10 };
const MAX_CODE_ATTEMPTS = 5;
const MAX_CODES_PER_HOUR = 5;

export class IdentityService {
  constructor(private readonly deps: AppDeps) {}

  private lookup(identifier: string): { email?: string; phoneBidx?: string } {
    const id = identifier.trim();
    return id.includes('@')
      ? { email: id.toLowerCase() }
      : { phoneBidx: this.deps.crypto.blindIndex('phone', id) };
  }

  async login(identifier: string, password: string, client: ClientInfo): Promise<SignedIn> {
    const { db, config } = this.deps;
    const account = await repo.findAccountForLogin(db, this.lookup(identifier));
    if (account?.locked_until && account.locked_until > new Date()) {
      throw new AppError('ACCOUNT_LOCKED', {
        headers: { 'retry-after': String(retryAfter(account.locked_until)) },
      });
    }
    const ok = await verifyPassword(account?.password_hash ?? null, password);
    if (!account || !ok || !account.active) {
      if (account) {
        const state = await repo.recordFailedLogin(
          db,
          account.id,
          config.loginMaxFailures,
          config.loginLockMinutes,
        );
        await recordAudit(db, null, {
          action: 'auth.login.failed',
          actorAccountId: account.id,
          resourceType: 'account',
          resourceId: account.id,
          detail: { failures: state?.failed_logins ?? null },
        });
        if (state?.locked_until && state.locked_until > new Date()) {
          throw new AppError('ACCOUNT_LOCKED', {
            headers: { 'retry-after': String(retryAfter(state.locked_until)) },
          });
        }
      }
      throw new AppError('INVALID_CREDENTIALS');
    }
    return this.startSession(account, client, 'auth.login');
  }

  private async startSession(
    account: AccountForLogin,
    client: ClientInfo,
    action: string,
  ): Promise<SignedIn> {
    const { db, sessions, crypto } = this.deps;
    const membership =
      account.kind === 'staff' ? await repo.firstActiveMembership(db, account.id) : undefined;
    if (account.kind === 'staff' && !membership) throw new AppError('INVALID_CREDENTIALS');
    const mfa = this.initialMfaState(account);
    return db.transaction().execute(async (tx) => {
      await repo.clearFailedLogins(tx, account.id);
      const orgId = membership?.org_id ?? null;
      const created = await sessions.create(tx, {
        accountId: account.id,
        orgId,
        mfaState: mfa,
        userAgent: client.userAgent,
        ip: client.ip,
      });
      await recordAudit(tx, null, {
        action,
        orgId,
        actorAccountId: account.id,
        resourceType: 'session',
        resourceId: created.sessionId,
        detail: { accountId: account.id, mfa },
      });
      const me = await buildMe(
        tx,
        crypto,
        { accountId: account.id, orgId, mfa, csrfToken: created.csrfToken },
        client.language,
      );
      return { me, token: created.token };
    });
  }

  private initialMfaState(account: AccountForLogin): MfaState {
    if (account.kind === 'patient') return 'ok';
    if (account.mfa_enabled) return 'required';
    // Demo staff may skip enrolment outside production (README says so); everyone else must enrol.
    return account.mfa_exempt && this.deps.config.demoMfaExempt ? 'ok' : 'enrolment_required';
  }

  async me(ctx: RequestContext, csrfToken: string, language: Language): Promise<Me> {
    return buildMe(
      this.deps.db,
      this.deps.crypto,
      { accountId: ctx.actor.accountId, orgId: ctx.actor.orgId, mfa: ctx.actor.mfa, csrfToken },
      language,
    );
  }

  async logout(ctx: RequestContext): Promise<void> {
    await this.deps.db.transaction().execute(async (tx) => {
      await this.deps.sessions.revoke(tx, ctx.actor.credentialId);
      await recordAudit(tx, ctx, {
        action: 'auth.logout',
        resourceType: 'session',
        resourceId: ctx.actor.credentialId,
      });
    });
    this.deps.sessions.forgetAccount(ctx.actor.accountId);
  }

  // --- one-time codes by SMS ---
  async sendCode(purpose: CodePurpose, phone: string, client: ClientInfo): Promise<void> {
    const { db, crypto, messenger } = this.deps;
    const bidx = crypto.blindIndex('phone', phone);
    if ((await repo.countRecentCodes(db, purpose, bidx, 60)) >= MAX_CODES_PER_HOUR)
      throw new AppError('RATE_LIMITED');
    const exists = !!(await repo.findAccountForLogin(db, { phoneBidx: bidx }));
    // Login and reset codes go only to known numbers, registration codes only to new ones; the answer is the same.
    if ((purpose === 'register') === exists) return;
    const code = sixDigitCode();
    await db.transaction().execute(async (tx) => {
      await repo.insertCode(tx, {
        purpose,
        targetBidx: bidx,
        codeHash: hashToken(code),
        ttlMinutes: CODE_TTL_MINUTES[purpose],
      });
      const template =
        purpose === 'sms_login'
          ? 'login_code'
          : purpose === 'register'
            ? 'register_code'
            : 'password_reset_code';
      await messenger.send(tx, {
        channel: 'sms',
        to: phone,
        template,
        params: { code },
        language: client.language,
      });
    });
  }

  private async consumeCode(tx: Executor, purpose: CodePurpose, bidx: string, code: string): Promise<void> {
    const open = await repo.latestOpenCode(tx, purpose, bidx);
    if (!open || open.expires_at < new Date() || open.attempts >= MAX_CODE_ATTEMPTS)
      throw new AppError('INVALID_CODE');
    if (!safeEqual(open.code_hash, hashToken(code))) {
      await repo.bumpCodeAttempts(this.deps.db, open.id);
      throw new AppError('INVALID_CODE');
    }
    if (!(await repo.useCode(tx, open.id))) throw new AppError('INVALID_CODE');
  }

  async smsLogin(phone: string, code: string, client: ClientInfo): Promise<SignedIn> {
    const bidx = this.deps.crypto.blindIndex('phone', phone);
    const account = await repo.findAccountForLogin(this.deps.db, { phoneBidx: bidx });
    if (!account?.active) throw new AppError('INVALID_CODE');
    if (account.locked_until && account.locked_until > new Date()) throw new AppError('ACCOUNT_LOCKED');
    await this.deps.db.transaction().execute((tx) => this.consumeCode(tx, 'sms_login', bidx, code));
    return this.startSession(account, client, 'auth.login.sms');
  }

  async register(
    input: { phone: string; code: string; password: string; name: string },
    client: ClientInfo,
  ): Promise<SignedIn> {
    const { db, crypto } = this.deps;
    const bidx = crypto.blindIndex('phone', input.phone);
    const passwordHash = await hashPassword(input.password);
    const accountId = await db.transaction().execute(async (tx) => {
      await this.consumeCode(tx, 'register', bidx, input.code);
      if (await repo.findAccountForLogin(tx, { phoneBidx: bidx })) throw new AppError('ALREADY_EXISTS');
      const id = await repo.createPatientAccount(tx, {
        displayName: input.name,
        phoneEnc: crypto.encrypt(input.phone),
        phoneBidx: bidx,
        passwordHash,
      });
      await recordAudit(tx, null, {
        action: 'auth.register',
        actorAccountId: id,
        resourceType: 'account',
        resourceId: id,
      });
      return id;
    });
    const account = await repo.findAccountForLogin(db, { phoneBidx: bidx });
    if (!account || account.id !== accountId) throw new AppError('INTERNAL');
    return this.startSession(account, client, 'auth.login');
  }

  /**
   * Reset codes go by SMS to the account's phone, or by email to an account that has none (staff invited by email).
   * The answer never says whether the account exists.
   */
  async requestPasswordReset(identifier: string, client: ClientInfo): Promise<void> {
    if (!identifier.includes('@')) return this.sendCode('password_reset', identifier, client);
    const target = await this.resetTarget(identifier);
    if (target?.channel === 'sms') return this.sendCode('password_reset', target.to, client);
    if (!target) return;
    const { db, messenger } = this.deps;
    if ((await repo.countRecentCodes(db, 'password_reset', target.bidx, 60)) >= MAX_CODES_PER_HOUR) {
      throw new AppError('RATE_LIMITED');
    }
    const code = sixDigitCode();
    await db.transaction().execute(async (tx) => {
      await repo.insertCode(tx, {
        purpose: 'password_reset',
        targetBidx: target.bidx,
        codeHash: hashToken(code),
        ttlMinutes: CODE_TTL_MINUTES.password_reset,
      });
      await messenger.send(tx, {
        channel: 'email',
        to: target.to,
        template: 'password_reset_code',
        params: { code },
        language: client.language,
      });
    });
  }

  /** Where an account's reset code goes: its phone when it has one, otherwise its email. */
  private async resetTarget(identifier: string) {
    const { db, crypto } = this.deps;
    const account = await repo.findAccountForLogin(db, this.lookup(identifier));
    if (!account) return null;
    const full = await repo.findAccountById(db, account.id);
    const phone = crypto.decryptNullable(full?.phone_enc);
    if (phone)
      return {
        accountId: account.id,
        channel: 'sms' as const,
        to: phone,
        bidx: crypto.blindIndex('phone', phone),
      };
    if (full?.email) {
      return {
        accountId: account.id,
        channel: 'email' as const,
        to: full.email,
        bidx: crypto.blindIndex('email', full.email),
      };
    }
    return null;
  }

  async confirmPasswordReset(identifier: string, code: string, newPassword: string): Promise<void> {
    const { db } = this.deps;
    const target = await this.resetTarget(identifier);
    if (!target) throw new AppError('INVALID_CODE');
    const passwordHash = await hashPassword(newPassword);
    await db.transaction().execute(async (tx) => {
      await this.consumeCode(tx, 'password_reset', target.bidx, code);
      await repo.setPassword(tx, target.accountId, passwordHash);
      await repo.revokeAllSessions(tx, target.accountId, null);
      await recordAudit(tx, null, {
        action: 'auth.password.reset',
        actorAccountId: target.accountId,
        resourceType: 'account',
        resourceId: target.accountId,
      });
    });
    this.deps.sessions.forgetAccount(target.accountId);
  }

  async changePassword(ctx: RequestContext, current: string, next: string): Promise<void> {
    const { db } = this.deps;
    const account = await repo.findAccountById(db, ctx.actor.accountId);
    if (!account || !(await verifyPassword(account.password_hash, current)))
      throw new AppError('INVALID_CREDENTIALS');
    const passwordHash = await hashPassword(next);
    await db.transaction().execute(async (tx) => {
      await repo.setPassword(tx, account.id, passwordHash);
      await repo.revokeAllSessions(tx, account.id, ctx.actor.credentialId);
      await recordAudit(tx, ctx, {
        action: 'auth.password.change',
        resourceType: 'account',
        resourceId: account.id,
      });
    });
    this.deps.sessions.forgetAccount(account.id);
  }

  async updatePreferences(
    ctx: RequestContext,
    prefs: { locale?: 'zh-CN' | 'en-US'; elderMode?: boolean },
  ): Promise<void> {
    await repo.updatePreferences(this.deps.db, ctx.actor.accountId, prefs);
  }

  async listSessions(ctx: RequestContext): Promise<SessionInfo[]> {
    const rows = await repo.listSessions(this.deps.db, ctx.actor.accountId);
    return rows.map((r) => ({
      id: r.id,
      current: r.id === ctx.actor.credentialId,
      userAgent: r.user_agent,
      ip: r.ip,
      createdAt: r.created_at.toISOString(),
      lastSeenAt: r.last_seen_at.toISOString(),
    }));
  }

  async revokeSession(ctx: RequestContext, sessionId: string): Promise<void> {
    await this.deps.db.transaction().execute(async (tx) => {
      if (!(await repo.revokeOwnSession(tx, ctx.actor.accountId, sessionId))) throw new AppError('NOT_FOUND');
      await recordAudit(tx, ctx, {
        action: 'auth.session.revoke',
        resourceType: 'session',
        resourceId: sessionId,
      });
    });
    this.deps.sessions.forgetAccount(ctx.actor.accountId);
  }
}

function retryAfter(until: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
}
