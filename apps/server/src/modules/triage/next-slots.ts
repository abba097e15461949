import type { AppDeps } from '../../platform/deps.ts';
import { SlotsService } from '../scheduling/index.ts';

// The next free slots of the suggested doctors, through the scheduling module's public API (its SlotsService,
// "next free slots"). One query per suggested department, grouped by doctor.

export interface FreeSlot {
  slotId: string;
  startsAt: string;
  mode: 'in_person' | 'online';
}

/** How many upcoming free slots a department query reads, to spread them over its doctors. */
const PER_DEPARTMENT = 30;

export async function nextFreeSlots(
  deps: AppDeps,
  departmentIds: readonly string[],
  perDoctor: number,
): Promise<Map<string, FreeSlot[]>> {
  const slots = new SlotsService(deps);
  const lists = await Promise.all(
    departmentIds.map((departmentId) =>
      slots.nextFree(null, { departmentId, limit: PER_DEPARTMENT }, 'zh-CN'),
    ),
  );
  const byDoctor = new Map<string, FreeSlot[]>();
  for (const list of lists) {
    for (const s of list.items) {
      const mine = byDoctor.get(s.doctor.id) ?? [];
      if (mine.length < perDoctor && s.free > 0)
        mine.push({ slotId: s.id, startsAt: s.startsAt, mode: s.mode });
      byDoctor.set(s.doctor.id, mine);
    }
  }
  return byDoctor;
}
