import type { FastifyBaseLogger } from 'fastify';
import type pino from 'pino';

export type Logger = FastifyBaseLogger;

/**
 * Paths pino replaces with [redacted]: credentials and anything personal that could reach a log line through
 * a request or an error. Request logs carry method, url, status and request id only (no bodies).
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.nationalId',
  '*.phone',
  '*.email',
  '*.name',
  '*.address',
  '*.code',
  '*.token',
  '*.identifier',
];

export function loggerOptions(level: string): pino.LoggerOptions {
  return {
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: {
      req: (req: { method: string; url: string; id: string }) => ({
        method: req.method,
        // Query strings can carry search terms (names, phone numbers): log the path only.
        url: req.url.split('?')[0],
        id: req.id,
      }),
    },
  };
}
