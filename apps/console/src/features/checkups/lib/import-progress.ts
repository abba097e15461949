import type { CheckupImportJob, CheckupImportStatus } from '@careloop/contracts';

/** A job the server is still working on: the page polls it. */
export function isActive(status: CheckupImportStatus): boolean {
  return status === 'queued' || status === 'running';
}

/**
 * How far the job is, 0..100, from reports processed over reports found. The total grows while files are read,
 * so a running job never shows 100 before the server says done; a finished job always shows 100.
 */
export function importPercent(
  job: Pick<CheckupImportJob, 'status' | 'totalReports' | 'processedReports'>,
): number {
  if (job.status === 'done') return 100;
  if (job.totalReports <= 0) return 0;
  const percent = Math.floor((Math.min(job.processedReports, job.totalReports) / job.totalReports) * 100);
  return isActive(job.status) ? Math.min(percent, 99) : percent;
}

export type ProgressLook = 'active' | 'success' | 'exception' | 'normal';

/** The antd Progress status for a job's state. */
export function progressLook(status: CheckupImportStatus): ProgressLook {
  switch (status) {
    case 'queued':
    case 'running':
      return 'active';
    case 'done':
      return 'success';
    case 'failed':
      return 'exception';
    case 'cancelled':
      return 'normal';
  }
}

/** Tag colours per status (text always says the status too); presets whose text passes 4.5:1 on their tint. */
export const STATUS_COLORS: Record<CheckupImportStatus, string> = {
  queued: 'default',
  running: 'blue',
  done: 'success',
  failed: 'error',
  cancelled: 'warning',
};
