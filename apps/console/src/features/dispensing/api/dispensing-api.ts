import type { MedicationOrder, MedicationOrderList } from '@careloop/contracts';
import { api } from '../../../api/client';

export type QueueStatus = 'paid' | 'dispensed' | 'shipped' | 'done';
const one = (id: string) => `/medication-orders/${encodeURIComponent(id)}`;

export const dispensingApi = {
  queue: (status: QueueStatus) => api.get<MedicationOrderList>('/pharmacy/fulfilment', { status }),
  dispense: (id: string, version: number) => api.post<MedicationOrder>(`${one(id)}/dispense`, { version }),
  ship: (id: string, version: number) => api.post<MedicationOrder>(`${one(id)}/ship`, { version }),
  handOver: (id: string, version: number) => api.post<MedicationOrder>(`${one(id)}/hand-over`, { version }),
  /** Cancels a paid order (the payment is refunded and the reserved stock released). */
  cancel: (id: string, version: number, reason: string) =>
    api.post<MedicationOrder>(`${one(id)}/cancel`, { version, reason }),
  /** Development only: the dev courier reports a scan through its signed callback. */
  devScan: (trackingNo: string, status: 'in_transit' | 'out_for_delivery' | 'delivered') =>
    api.post<{ ok: true }>('/pharmacy/dev-courier/scans', { trackingNo, status }),
};
