import type {
  FollowUpOutcome,
  FollowUpRule,
  FollowUpRuleInput,
  FollowUpRuleUpdate,
  FollowUpTask,
  NotificationList,
  Worklist,
  WorklistView,
} from '@careloop/contracts';
import { api, newIdempotencyKey } from '../../../api/client';

export type AssigneeFilter = 'me' | 'any';

export interface WorklistParams {
  view: WorklistView;
  assignee: AssigneeFilter;
  patientId?: string;
  cursor?: string;
}

const id = encodeURIComponent;
const taskPath = (taskId: string) => `/followup/tasks/${id(taskId)}`;

export const followUpApi = {
  worklist: (params: WorklistParams) => api.get<Worklist>('/followup/tasks', { ...params, limit: 50 }),
  complete: (taskId: string, body: { outcome: FollowUpOutcome; note: string; version: number }) =>
    api.post<FollowUpTask>(`${taskPath(taskId)}/complete`, body, { idempotencyKey: newIdempotencyKey() }),
  assign: (taskId: string, body: { assigneeId: string | null; version: number }) =>
    api.post<FollowUpTask>(`${taskPath(taskId)}/assign`, body, { idempotencyKey: newIdempotencyKey() }),
  cancel: (taskId: string, body: { note: string; version: number }) =>
    api.post<FollowUpTask>(`${taskPath(taskId)}/cancel`, body, { idempotencyKey: newIdempotencyKey() }),

  rules: () => api.get<{ items: FollowUpRule[] }>('/followup/rules'),
  createRule: (input: FollowUpRuleInput) =>
    api.post<FollowUpRule>('/followup/rules', input, { idempotencyKey: newIdempotencyKey() }),
  updateRule: (ruleId: string, update: FollowUpRuleUpdate) =>
    api.patch<FollowUpRule>(`/followup/rules/${id(ruleId)}`, update),

  notifications: () => api.get<NotificationList>('/me/notifications', { limit: 20 }),
  markRead: (notificationId: string) => api.post<unknown>(`/me/notifications/${id(notificationId)}/read`),
  markAllRead: () => api.post<unknown>('/me/notifications/read-all'),
};
