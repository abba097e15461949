/** Query keys of booking and appointments, all under ['appointments'] so one change refreshes what depends on it. */
export const appointmentKeys = {
  all: ['appointments'] as const,
  lists: ['appointments', 'list'] as const,
  list: (view: 'upcoming' | 'past') => ['appointments', 'list', view] as const,
  one: (id: string) => ['appointments', 'one', id] as const,
  queue: (id: string) => ['appointments', 'queue', id] as const,
  nextFree: (doctorId: string) => ['appointments', 'next-free', doctorId] as const,
  slots: (doctorId: string, from: string) => ['appointments', 'slots', doctorId, from] as const,
  waitlist: ['appointments', 'waitlist'] as const,
};
