import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ChangePasswordRequest,
  LoginRequest,
  Me,
  MfaCode,
  MfaEnrolment,
  Ok,
  PasswordResetConfirm,
  PasswordResetRequest,
  Preferences,
  RecoveryCodes,
  RegisterRequest,
  SessionInfo,
  SmsCodeRequest,
  SmsLoginRequest,
  Uuid,
} from '@careloop/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import { contextOf } from '../../platform/auth/auth-hook.ts';
import { SESSION_COOKIE } from '../../platform/auth/session-store.ts';
import { requestLanguage } from '../../platform/http/language.ts';
import { IdentityService, type ClientInfo, type SignedIn } from './identity.service.ts';
import { MfaService } from './mfa.service.ts';

export function identityRoutes(deps: AppDeps) {
  const identity = new IdentityService(deps);
  const mfa = new MfaService(deps);
  const secure = deps.config.env === 'production';
  const authLimit = { rateLimit: { max: deps.config.loginRateLimit, timeWindow: '1 minute' } };

  const client = (request: FastifyRequest): ClientInfo => ({
    userAgent: request.headers['user-agent'] ?? null,
    ip: request.ip ?? null,
    requestId: request.id,
    language: requestLanguage(request),
  });
  const signIn = (reply: FastifyReply, signed: SignedIn) => {
    void reply.setCookie(SESSION_COOKIE, signed.token, {
      httpOnly: true,
      sameSite: 'lax',
      secure,
      path: '/',
      maxAge: deps.config.sessionTtlHours * 3600,
    });
    return signed.me;
  };

  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['identity'];

    app.post(
      '/auth/login',
      {
        schema: {
          tags,
          summary: 'Sign in with phone or email and password',
          body: LoginRequest,
          response: { 200: Me },
        },
        config: { access: 'public', ...authLimit },
      },
      async (req, reply) =>
        signIn(reply, await identity.login(req.body.identifier, req.body.password, client(req))),
    );

    app.post(
      '/auth/logout',
      {
        schema: { tags, summary: 'Sign out of this session', response: { 200: Ok } },
        config: { access: 'session' },
      },
      async (req, reply) => {
        await identity.logout(contextOf(req));
        void reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { ok: true as const };
      },
    );

    app.get(
      '/auth/me',
      {
        schema: { tags, summary: 'The signed-in account', response: { 200: Me } },
        config: { access: 'session' },
      },
      async (req) => identity.me(contextOf(req), req.csrfToken ?? '', requestLanguage(req)),
    );

    app.post(
      '/auth/sms-code',
      {
        schema: {
          tags,
          summary: 'Send a one-time sign-in code by SMS',
          body: SmsCodeRequest,
          response: { 202: Ok },
        },
        config: { access: 'public', ...authLimit },
      },
      async (req, reply) => {
        await identity.sendCode('sms_login', req.body.phone, client(req));
        return reply.status(202).send({ ok: true as const });
      },
    );

    app.post(
      '/auth/register-code',
      {
        schema: {
          tags,
          summary: 'Send a registration code by SMS',
          body: SmsCodeRequest,
          response: { 202: Ok },
        },
        config: { access: 'public', ...authLimit },
      },
      async (req, reply) => {
        await identity.sendCode('register', req.body.phone, client(req));
        return reply.status(202).send({ ok: true as const });
      },
    );

    app.post(
      '/auth/sms-login',
      {
        schema: { tags, summary: 'Sign in with an SMS code', body: SmsLoginRequest, response: { 200: Me } },
        config: { access: 'public', ...authLimit },
      },
      async (req, reply) =>
        signIn(reply, await identity.smsLogin(req.body.phone, req.body.code, client(req))),
    );

    app.post(
      '/auth/register',
      {
        schema: { tags, summary: 'Register a patient account', body: RegisterRequest, response: { 200: Me } },
        config: { access: 'public', ...authLimit },
      },
      async (req, reply) => signIn(reply, await identity.register(req.body, client(req))),
    );

    app.post(
      '/auth/password-reset',
      {
        schema: {
          tags,
          summary: 'Send a password reset code',
          body: PasswordResetRequest,
          response: { 202: Ok },
        },
        config: { access: 'public', ...authLimit },
      },
      async (req, reply) => {
        await identity.requestPasswordReset(req.body.identifier, client(req));
        return reply.status(202).send({ ok: true as const });
      },
    );

    app.post(
      '/auth/password-reset/confirm',
      {
        schema: {
          tags,
          summary: 'Set a new password with a reset code',
          body: PasswordResetConfirm,
          response: { 200: Ok },
        },
        config: { access: 'public', ...authLimit },
      },
      async (req) => {
        await identity.confirmPasswordReset(req.body.identifier, req.body.code, req.body.newPassword);
        return { ok: true as const };
      },
    );

    app.post(
      '/auth/password',
      {
        schema: { tags, summary: 'Change own password', body: ChangePasswordRequest, response: { 200: Ok } },
        config: { access: 'signed-in', ...authLimit },
      },
      async (req) => {
        await identity.changePassword(contextOf(req), req.body.currentPassword, req.body.newPassword);
        return { ok: true as const };
      },
    );

    app.post(
      '/auth/mfa/enrolment',
      {
        schema: { tags, summary: 'Start TOTP enrolment', response: { 200: MfaEnrolment } },
        config: { access: 'session' },
      },
      async (req) => mfa.beginEnrolment(contextOf(req)),
    );

    app.post(
      '/auth/mfa/enrolment/confirm',
      {
        schema: {
          tags,
          summary: 'Confirm TOTP enrolment with a code',
          body: MfaCode,
          response: { 200: RecoveryCodes },
        },
        config: { access: 'session', ...authLimit },
      },
      async (req) => ({ recoveryCodes: await mfa.confirmEnrolment(contextOf(req), req.body.code) }),
    );

    app.post(
      '/auth/mfa/verify',
      {
        schema: {
          tags,
          summary: 'Complete sign-in with a TOTP or recovery code',
          body: MfaCode,
          response: { 200: Me },
        },
        config: { access: 'session', ...authLimit },
      },
      async (req) => mfa.verify(contextOf(req), req.body.code, req.csrfToken ?? '', requestLanguage(req)),
    );

    app.get(
      '/auth/sessions',
      {
        schema: {
          tags,
          summary: 'Own active sessions',
          response: { 200: z.object({ items: z.array(SessionInfo) }) },
        },
        config: { access: 'signed-in' },
      },
      async (req) => ({ items: await identity.listSessions(contextOf(req)) }),
    );

    app.post(
      '/auth/sessions/:id/revoke',
      {
        schema: {
          tags,
          summary: 'Revoke one of own sessions',
          params: z.object({ id: Uuid }),
          response: { 200: Ok },
        },
        config: { access: 'signed-in' },
      },
      async (req) => {
        await identity.revokeSession(contextOf(req), req.params.id);
        return { ok: true as const };
      },
    );

    app.patch(
      '/me/preferences',
      {
        schema: { tags, summary: 'Language and elder mode', body: Preferences, response: { 200: Me } },
        config: { access: 'signed-in' },
      },
      async (req) => {
        const ctx = contextOf(req);
        await identity.updatePreferences(ctx, req.body);
        return identity.me(ctx, req.csrfToken ?? '', requestLanguage(req));
      },
    );
  };
}
