import type { StaffRole } from '@careloop/contracts';

// Who may open the dispensing page (mirrors the server: fulfilment routes are for pharmacists).
export const DISPENSING_ROLES: readonly StaffRole[] = ['pharmacist'];
// Who reviews reported drug reactions (the prescribers).
export const REACTION_ROLES: readonly StaffRole[] = ['doctor'];
