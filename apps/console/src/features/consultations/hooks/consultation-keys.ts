import type { QueueView } from '../api/consultations-api';

export const consultationKeys = {
  all: ['consultations'] as const,
  lists: ['consultations', 'list'] as const,
  list: (view: QueueView) => ['consultations', 'list', view] as const,
  waitingCount: ['consultations', 'list', 'waiting-count'] as const,
  one: (consultationId: string) => ['consultations', 'one', consultationId] as const,
  invitable: (consultationId: string) => ['consultations', 'invitable', consultationId] as const,
  quickReplies: ['consultation-quick-replies'] as const,
  settings: ['consultation-settings'] as const,
};
