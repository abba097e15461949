/** Query keys of home monitoring, all under ['monitoring', patientId] so a new reading refreshes them at once. */
export const monitoringKeys = {
  all: (patientId: string) => ['monitoring', patientId] as const,
  summary: (patientId: string, days: number) => ['monitoring', patientId, 'summary', days] as const,
  readings: (patientId: string, type: string, from: string) =>
    ['monitoring', patientId, 'readings', type, from] as const,
  devices: (patientId: string) => ['monitoring', patientId, 'devices'] as const,
  import: (patientId: string, importId: string) => ['monitoring', patientId, 'import', importId] as const,
};
