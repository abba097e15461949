import type { StaffRole } from '@careloop/contracts';

export type MfaState = 'ok' | 'required' | 'enrolment_required';

interface SignedIn {
  readonly accountId: string;
  readonly displayName: string;
  /** The session id for cookie sessions, the token id for bearer tokens. */
  readonly credentialId: string;
  readonly via: 'session' | 'token';
  readonly mfa: MfaState;
}

export interface PatientActor extends SignedIn {
  readonly kind: 'patient';
  readonly orgId: null;
  readonly roles: readonly [];
}

export interface StaffActor extends SignedIn {
  readonly kind: 'staff';
  readonly orgId: string;
  readonly roles: readonly StaffRole[];
  readonly departmentId: string | null;
  readonly scopes?: readonly string[];
}

export type Actor = PatientActor | StaffActor;

/** Everything a service needs to know about who asks and why: passed in, never read from globals. */
export interface RequestContext {
  readonly actor: Actor;
  readonly requestId: string;
  readonly ip: string | null;
}

export function hasRole(actor: Actor, ...roles: StaffRole[]): boolean {
  return actor.kind === 'staff' && actor.roles.some((r) => roles.includes(r));
}
