import type { Locale, Me } from '@careloop/contracts';
import { api } from '../../../api/client.ts';

export function savePreferences(preferences: { locale?: Locale; elderMode?: boolean }): Promise<Me> {
  return api.patch<Me>('/me/preferences', preferences);
}
