import type { Staff } from '@careloop/contracts';
import { useMemo } from 'react';
import { hasAnyRole, useStaffMe } from '../../auth/hooks/use-me';
import { useStaffList } from '../../admin/hooks/use-admin';

/** The org's active doctors, by name. */
export function useDoctors() {
  const staff = useStaffList();
  const doctors = useMemo(
    () => (staff.data ?? []).filter((s: Staff) => s.active && s.roles.includes('doctor')),
    [staff.data],
  );
  return { ...staff, doctors };
}

/** Whether the signed-in person is a doctor, and so sees their own schedule and queue first. */
export function useIsDoctor(): { isDoctor: boolean; accountId: string } {
  const me = useStaffMe();
  return { isDoctor: hasAnyRole(me, ['doctor']), accountId: me.accountId };
}
