import type {
  MedicationOrder,
  MedicationOrderList,
  PatientAddress,
  PatientAddressInput,
  PaymentStart,
  PrescriptionList,
} from '@careloop/contracts';
import { api } from '../../../api/client.ts';
import { postIdempotent } from '../../records/api/http.ts';

const patient = (id: string) => `/patients/${encodeURIComponent(id)}`;
const order = (id: string) => `/medication-orders/${encodeURIComponent(id)}`;

export const fetchPrescriptions = (patientId: string): Promise<PrescriptionList> =>
  api.get(`${patient(patientId)}/prescriptions`);
export const fetchOrders = (patientId: string): Promise<MedicationOrderList> =>
  api.get(`${patient(patientId)}/medication-orders`);
export const fetchOrder = (id: string): Promise<MedicationOrder> => api.get(order(id));
export const fetchAddresses = (patientId: string): Promise<{ items: PatientAddress[] }> =>
  api.get(`${patient(patientId)}/addresses`);
export const addAddress = (patientId: string, body: PatientAddressInput): Promise<PatientAddress> =>
  api.post(`${patient(patientId)}/addresses`, body);
export const placeOrder = (
  patientId: string,
  body: { prescriptionId: string; fulfilment: 'pickup' | 'delivery'; addressId?: string },
  key: string,
): Promise<MedicationOrder> => postIdempotent(`${patient(patientId)}/medication-orders`, body, key);
/** Paying twice (a double tap, a retry) answers the same payment: the key and the server both see to it. */
export const payOrder = (id: string, key: string): Promise<PaymentStart> =>
  postIdempotent(`${order(id)}/pay`, {}, key);
export const cancelOrder = (id: string, version: number, reason: string): Promise<MedicationOrder> =>
  api.post(`${order(id)}/cancel`, { version, reason });
export const startTaking = (id: string): Promise<MedicationOrder> => api.post(`${order(id)}/start`, {});
export const requestRefill = (patientId: string, prescriptionId: string) =>
  api.post<{ id: string }>(`${patient(patientId)}/refill-requests`, { prescriptionId });
