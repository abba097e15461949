import type { FastifyRequest } from 'fastify';

export type Language = 'zh-CN' | 'en-US';

/** The caller's language from Accept-Language: Chinese when it prefers any zh variant, English otherwise. */
export function requestLanguage(request: FastifyRequest): Language {
  const header = request.headers['accept-language'];
  if (!header) return 'zh-CN';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('zh') ? 'zh-CN' : 'en-US';
}
