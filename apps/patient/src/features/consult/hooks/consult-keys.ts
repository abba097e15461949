/** Query keys of online consultation, all under ['consult'] so a pushed change refreshes what depends on it. */
export const consultKeys = {
  all: ['consult'] as const,
  lists: ['consult', 'list'] as const,
  list: (view: 'open' | 'past') => ['consult', 'list', view] as const,
  one: (id: string) => ['consult', 'one', id] as const,
  targets: (patientId: string) => ['consult', 'targets', patientId] as const,
  doctor: (id: string) => ['consult', 'doctor', id] as const,
};
