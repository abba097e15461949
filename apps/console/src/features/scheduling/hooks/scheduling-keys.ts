export const schedulingKeys = {
  all: ['scheduling'] as const,
  timeZone: ['scheduling', 'time-zone'] as const,
  templates: (doctorId: string) => ['scheduling', 'templates', doctorId] as const,
  exceptions: (doctorId: string) => ['scheduling', 'exceptions', doctorId] as const,
  slots: (doctorId: string, from: string) => ['scheduling', 'slots', doctorId, from] as const,
  days: ['scheduling', 'day'] as const,
  day: (date: string, doctorId: string | undefined) =>
    ['scheduling', 'day', date, doctorId ?? 'all'] as const,
  queues: ['scheduling', 'queue'] as const,
  queue: (sessionId: string) => ['scheduling', 'queue', sessionId] as const,
  patients: (q: string) => ['scheduling', 'patients', q] as const,
};
