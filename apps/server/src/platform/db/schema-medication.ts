import type { ColumnType, Generated } from 'kysely';

// Tables of the fulfilment, reminder and adherence side of pharmacy (migration 016). The Database interface in
// schema.ts extends this one.

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** A `date` column comes back as 'YYYY-MM-DD' (the pg type parser is set so in database.ts). */
type DateColumn = ColumnType<string, string, string>;
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;

export type OrderStatusColumn =
  'created' | 'paid' | 'dispensed' | 'shipped' | 'delivered' | 'picked_up' | 'cancelled' | 'refunded';
export type ShipmentStatusColumn = 'shipped' | 'in_transit' | 'out_for_delivery' | 'delivered' | 'failed';
export type DoseStatusColumn = 'pending' | 'taken' | 'late' | 'skipped' | 'missed';
export type ReactionStatusColumn = 'reported' | 'reviewed' | 'added_to_allergies' | 'dismissed';

export interface PatientAddressesTable {
  id: string;
  org_id: string;
  patient_id: string;
  label: string | null;
  recipient_enc: string;
  phone_enc: string;
  address_enc: string;
  is_default: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  deleted_at: NullableTimestamp;
  version: Generated<number>;
}

export interface MedicationOrdersTable {
  id: string;
  org_id: string;
  patient_id: string;
  prescription_id: string;
  placed_by: string;
  fulfilment: 'pickup' | 'delivery';
  address_enc: string | null;
  amount_cents: number;
  status: Generated<OrderStatusColumn>;
  created_at: Generated<Date>;
  paid_at: NullableTimestamp;
  dispensed_at: NullableTimestamp;
  shipped_at: NullableTimestamp;
  delivered_at: NullableTimestamp;
  picked_up_at: NullableTimestamp;
  cancelled_at: NullableTimestamp;
  refunded_at: NullableTimestamp;
  dispensed_by: string | null;
  cancel_reason: string | null;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface MedicationOrderItemsTable {
  id: string;
  order_id: string;
  org_id: string;
  prescription_item_id: string;
  drug_id: string;
  quantity: number;
  unit_price_cents: number;
}

export interface MedicationPaymentsTable {
  id: string;
  order_id: string;
  org_id: string;
  provider: 'dev' | 'wechat_pay' | 'alipay';
  provider_ref: string;
  amount_cents: number;
  status: Generated<'pending' | 'succeeded' | 'failed' | 'refunded'>;
  callbacks: Generated<number>;
  created_at: Generated<Date>;
  succeeded_at: NullableTimestamp;
  refunded_at: NullableTimestamp;
}

export interface MedicationShipmentsTable {
  id: string;
  order_id: string;
  org_id: string;
  courier: 'dev' | 'sf_express' | 'ems';
  tracking_no: string;
  status: Generated<ShipmentStatusColumn>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface MedicationShipmentEventsTable {
  id: string;
  shipment_id: string;
  org_id: string;
  event_id: string;
  status: ShipmentStatusColumn;
  description: string | null;
  location: string | null;
  occurred_at: Timestamp;
  received_at: Generated<Date>;
}

export interface RefillRequestsTable {
  id: string;
  org_id: string;
  patient_id: string;
  prescription_id: string;
  prescriber_account_id: string;
  requested_by: string;
  note: string | null;
  status: Generated<'requested' | 'renewed' | 'declined'>;
  renewal_prescription_id: string | null;
  decided_by: string | null;
  decided_at: NullableTimestamp;
  decline_reason: string | null;
  created_at: Generated<Date>;
  version: Generated<number>;
}

export interface MedicationSchedulesTable {
  id: string;
  org_id: string;
  patient_id: string;
  prescription_item_id: string;
  order_id: string | null;
  frequency: string;
  times: string[];
  time_zone: Generated<string>;
  start_date: DateColumn;
  end_date: NullableDate;
  active: Generated<boolean>;
  missed_task_id: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface DoseEventsTable {
  id: Generated<string>;
  org_id: string;
  patient_id: string;
  schedule_id: string;
  due_at: Timestamp;
  status: Generated<DoseStatusColumn>;
  reason: string | null;
  recorded_at: NullableTimestamp;
  recorded_by: string | null;
  reminded_at: NullableTimestamp;
}

export interface AdverseReactionsTable {
  id: string;
  org_id: string;
  patient_id: string;
  prescription_item_id: string;
  prescriber_account_id: string;
  reported_by: string;
  symptoms: string;
  severity: 'mild' | 'moderate' | 'severe';
  started_at: Timestamp;
  status: Generated<ReactionStatusColumn>;
  reviewed_by: string | null;
  reviewed_at: NullableTimestamp;
  review_note: string | null;
  allergy_id: string | null;
  created_at: Generated<Date>;
  version: Generated<number>;
}

export interface MedicationTables {
  patient_addresses: PatientAddressesTable;
  medication_orders: MedicationOrdersTable;
  medication_order_items: MedicationOrderItemsTable;
  medication_payments: MedicationPaymentsTable;
  medication_shipments: MedicationShipmentsTable;
  medication_shipment_events: MedicationShipmentEventsTable;
  refill_requests: RefillRequestsTable;
  medication_schedules: MedicationSchedulesTable;
  dose_events: DoseEventsTable;
  adverse_reactions: AdverseReactionsTable;
}
