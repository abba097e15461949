import type { StaffRole } from '@careloop/contracts';

// Who may open the scheduling pages (mirrors the route list in packages/contracts/src/scheduling.ts).
/** Weekly templates and exceptions: doctors for themselves, org admins for every doctor. */
export const SCHEDULE_EDIT_ROLES: readonly StaffRole[] = ['doctor', 'org_admin'];
/** The day view and the check-in desk: any clinical or front-office staff of the org. */
export const APPOINTMENT_ROLES: readonly StaffRole[] = ['doctor', 'nurse', 'health_manager', 'org_admin'];
/** Queue control (call next, skip, no-show, done). */
export const QUEUE_ROLES: readonly StaffRole[] = ['doctor', 'nurse', 'org_admin'];
