// What every outside channel (web push, email, SMS, WeChat) answers for one message. Errors are short codes
// (smtp_550, push_http_500, timeout) so the delivery log never holds an address or message text.

export type SendResult =
  | { readonly status: 'sent' }
  | { readonly status: 'failed'; readonly error: string; readonly permanent: boolean }
  | { readonly status: 'skipped'; readonly reason: string };

export const sent: SendResult = { status: 'sent' };

export function failed(error: string, permanent = false): SendResult {
  return { status: 'failed', error, permanent };
}

/** A network error as a code: the Node error code when there is one, never its message. */
export function networkErrorCode(error: unknown): string {
  const e = error as { name?: string; code?: string; cause?: { code?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return 'timeout';
  const code = e?.code ?? e?.cause?.code;
  return typeof code === 'string' && /^[A-Z0-9_]{2,40}$/.test(code) ? code.toLowerCase() : 'network_error';
}
