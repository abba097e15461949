import { IncomingCallBanner as SharedBanner } from '@careloop/web-calls/react';
import { callBindings } from '../call-bindings.ts';

/**
 * An incoming call anywhere in the app (web-calls' banner): Answer opens the consultation's call screen, which
 * answers there, or Decline. Mounted once in the signed-in shell.
 */
export function IncomingCallBanner() {
  return <SharedBanner bindings={callBindings} />;
}
