import webpush from 'web-push';
import { failed, networkErrorCode, sent, type SendResult } from './channel.ts';
import type { VapidKeyStore } from './vapid-keys.ts';

export interface PushTarget {
  readonly endpoint: string;
  readonly p256dh: string;
  readonly auth: string;
}

export interface PushOptions {
  /** How long the push service keeps the message for an offline device. */
  readonly ttlSeconds: number;
  readonly urgency: 'high' | 'normal';
}

/** 404 and 410 from a push service: the subscription is gone and must be forgotten. */
export type PushResult = SendResult & { readonly gone?: boolean };

/** Web push (RFC 8030) with an RFC 8291 aes128gcm payload and RFC 8292 VAPID authorization. */
export interface WebPushSender {
  publicKey(): Promise<string>;
  send(target: PushTarget, payload: string, options: PushOptions): Promise<PushResult>;
}

export class VapidWebPushSender implements WebPushSender {
  constructor(
    private readonly keys: VapidKeyStore,
    private readonly subject: string,
    private readonly timeoutMs = 10_000,
  ) {}

  async publicKey(): Promise<string> {
    return (await this.keys.keys()).publicKey;
  }

  async send(target: PushTarget, payload: string, options: PushOptions): Promise<PushResult> {
    const keys = await this.keys.keys();
    // web-push encrypts and signs; the request goes out through fetch so its timeout and errors are ours.
    const request = webpush.generateRequestDetails(
      { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
      payload,
      {
        vapidDetails: { subject: this.subject, publicKey: keys.publicKey, privateKey: keys.privateKey },
        TTL: options.ttlSeconds,
        urgency: options.urgency,
        contentEncoding: 'aes128gcm',
      },
    );
    let status: number;
    try {
      const res = await fetch(request.endpoint, {
        method: request.method,
        headers: request.headers as Record<string, string>,
        body: request.body ?? undefined,
        redirect: 'error',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      await res.body?.cancel();
      status = res.status;
    } catch (error) {
      return failed(`push_${networkErrorCode(error)}`);
    }
    if (status >= 200 && status < 300) return sent;
    if (status === 404 || status === 410) return { ...failed(`push_http_${status}`, true), gone: true };
    // 429 and 5xx pass; 400, 401, 403 and 413 will not get better by sending the same request again.
    return failed(`push_http_${status}`, !(status === 429 || status >= 500));
  }
}
