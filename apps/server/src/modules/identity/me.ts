import type { Me, StaffRole } from '@careloop/contracts';
import type { Executor } from '../../platform/db/database.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { maskPhone, type FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import { identityRepository as repo } from './identity.repository.ts';
import { AppError } from '../../platform/errors/app-error.ts';

/** Builds the signed-in account's view of itself. `mfa` comes from the session, the rest from the account. */
export async function buildMe(
  db: Executor,
  crypto: FieldCrypto,
  session: { accountId: string; orgId: string | null; mfa: Me['mfa']; csrfToken: string },
  language: 'zh-CN' | 'en-US',
): Promise<Me> {
  const account = await repo.findAccountById(db, session.accountId);
  if (!account) throw new AppError('NOT_AUTHENTICATED');
  const memberships = account.kind === 'staff' ? await repo.membershipsWithOrg(db, account.id) : [];
  const active = memberships.find((m) => m.org_id === session.orgId);
  const roles = new Set((active?.roles ?? []) as StaffRole[]);
  if (account.is_platform_admin) roles.add('platform_admin');
  return {
    accountId: account.id,
    displayName: account.display_name,
    email: account.email,
    phoneMasked: maskPhone(crypto.decryptNullable(account.phone_enc)),
    kind: account.kind,
    orgId: session.orgId,
    roles: [...roles],
    memberships: memberships.map((m) => ({
      orgId: m.org_id,
      orgName: language === 'zh-CN' ? m.name_zh : m.name_en,
      roles: m.roles as StaffRole[],
      departmentId: m.department_id,
    })),
    mfa: session.mfa,
    mfaEnabled: account.mfa_enabled,
    locale: account.locale,
    elderMode: account.elder_mode,
    csrfToken: session.csrfToken,
  };
}

export function actorSession(actor: Actor, csrfToken: string) {
  return { accountId: actor.accountId, orgId: actor.orgId, mfa: actor.mfa, csrfToken };
}
