import { createHmac } from 'node:crypto';
import type { CallConfig } from '@careloop/contracts';
import type { CallsConfig } from '../../../config.ts';

/**
 * Time-limited TURN credentials in coturn's `use-auth-secret` scheme (the "TURN REST API" draft,
 * draft-uberti-behave-turn-rest-00): the username is `<unix expiry>:<account id>` and the password is
 * base64(HMAC-SHA1(shared secret, username)). coturn recomputes the HMAC with its `static-auth-secret` and refuses
 * the username once its expiry has passed, so no per-user state is kept and a leaked credential dies on its own.
 */
export function turnCredential(
  secret: string,
  accountId: string,
  ttlSeconds: number,
  now = Date.now(),
): { username: string; credential: string; expiresAt: number } {
  const expiresAt = Math.floor(now / 1000) + ttlSeconds;
  const username = `${expiresAt}:${accountId}`;
  const credential = createHmac('sha1', secret).update(username).digest('base64');
  return { username, credential, expiresAt };
}

/** The ICE servers for one person's call: the static ones (STUN) plus, when TURN is configured, their credential. */
export function callConfigFor(calls: CallsConfig, accountId: string, now = Date.now()): CallConfig {
  const iceServers: CallConfig['iceServers'] = calls.iceServers.map((s) => ({
    urls: typeof s.urls === 'string' ? s.urls : [...s.urls],
    ...(s.username !== undefined ? { username: s.username } : {}),
    ...(s.credential !== undefined ? { credential: s.credential } : {}),
  }));
  if (calls.turn) {
    const { username, credential } = turnCredential(calls.turn.secret, accountId, calls.turn.ttlSeconds, now);
    iceServers.push({ urls: [...calls.turn.urls], username, credential });
  }
  return { iceServers };
}
