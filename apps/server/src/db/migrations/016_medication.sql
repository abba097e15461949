-- Pharmacy, fulfilment side (药品配送与用药管理): a patient's address book, orders of approved prescriptions with
-- their payment and shipment, refill requests, medication schedules with one row per due dose, and adverse
-- reactions the patient reports. Builds on the prescribing tables of 015 (prescriptions, prescription_items,
-- formulary_drugs, pharmacy_stock).

DO $$
DECLARE
  def text;
BEGIN
  SELECT pg_get_constraintdef(oid) INTO def FROM pg_constraint
   WHERE conname = 'notifications_kind_check' AND conrelid = 'notifications'::regclass;
  IF def IS NOT NULL AND position('medication_order_update' IN def) = 0 THEN
    ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
    EXECUTE 'ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check '
      || replace(def, 'ARRAY[', 'ARRAY[''medication_order_update''::text, ''medication_reminder''::text, '
                             || '''medication_reaction''::text, ''medication_refill''::text, ');
  END IF;
END $$;

-- Time-ordered UUIDs (version 7, RFC 9562) made in SQL, for rows that set-based statements insert by the thousand
-- (a day's doses). The first 48 bits are the Unix time in milliseconds; the version nibble is set to 7.
CREATE FUNCTION uuid_v7() RETURNS uuid LANGUAGE sql VOLATILE PARALLEL SAFE AS $$
  SELECT encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
           PLACING substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)
           FROM 1 FOR 6), 52, 1), 53, 1), 'hex')::uuid
$$;

-- Where a patient wants deliveries to go. Recipient, phone and address are personal identifiers: encrypted.
CREATE TABLE patient_addresses (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES orgs(id),
  patient_id uuid NOT NULL REFERENCES patients(id),
  label text CHECK (label IS NULL OR length(label) BETWEEN 1 AND 40),
  recipient_enc text NOT NULL,
  phone_enc text NOT NULL,
  address_enc text NOT NULL,
  is_default boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX patient_addresses_patient ON patient_addresses (patient_id, created_at) WHERE deleted_at IS NULL;

CREATE TABLE medication_orders (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES orgs(id),
  patient_id uuid NOT NULL REFERENCES patients(id),
  prescription_id uuid NOT NULL REFERENCES prescriptions(id),
  placed_by uuid NOT NULL REFERENCES accounts(id),
  fulfilment text NOT NULL CHECK (fulfilment IN ('pickup', 'delivery')),
  -- The delivery address as it was when ordered (recipient, phone, address as encrypted JSON): later edits of the
  -- address book do not move a parcel already on its way.
  address_enc text,
  amount_cents integer NOT NULL CHECK (amount_cents >= 0),
  status text NOT NULL DEFAULT 'created'
    CHECK (status IN ('created', 'paid', 'dispensed', 'shipped', 'delivered', 'picked_up', 'cancelled', 'refunded')),
  created_at timestamptz NOT NULL DEFAULT now(),
  paid_at timestamptz,
  dispensed_at timestamptz,
  shipped_at timestamptz,
  delivered_at timestamptz,
  picked_up_at timestamptz,
  cancelled_at timestamptz,
  refunded_at timestamptz,
  dispensed_by uuid REFERENCES accounts(id),
  cancel_reason text CHECK (cancel_reason IS NULL OR length(cancel_reason) <= 500),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CHECK ((fulfilment = 'delivery') = (address_enc IS NOT NULL)),
  CHECK (status <> 'paid' OR paid_at IS NOT NULL),
  CHECK (status <> 'dispensed' OR dispensed_at IS NOT NULL),
  CHECK (status <> 'shipped' OR (shipped_at IS NOT NULL AND fulfilment = 'delivery')),
  CHECK (status <> 'delivered' OR (delivered_at IS NOT NULL AND fulfilment = 'delivery')),
  CHECK (status <> 'picked_up' OR (picked_up_at IS NOT NULL AND fulfilment = 'pickup'))
);
-- One live order per prescription: a second order of the same prescription waits until the first is cancelled.
CREATE UNIQUE INDEX medication_orders_live ON medication_orders (prescription_id)
  WHERE status NOT IN ('cancelled', 'refunded');
CREATE INDEX medication_orders_patient ON medication_orders (patient_id, created_at DESC);
CREATE INDEX medication_orders_work ON medication_orders (org_id, status, created_at)
  WHERE status IN ('paid', 'dispensed', 'shipped');

CREATE TABLE medication_order_items (
  id uuid PRIMARY KEY,
  order_id uuid NOT NULL REFERENCES medication_orders(id),
  org_id uuid NOT NULL REFERENCES orgs(id),
  prescription_item_id uuid NOT NULL REFERENCES prescription_items(id),
  drug_id uuid NOT NULL REFERENCES formulary_drugs(id),
  -- Packages, as prescribed.
  quantity integer NOT NULL CHECK (quantity BETWEEN 1 AND 100),
  unit_price_cents integer NOT NULL CHECK (unit_price_cents >= 0),
  UNIQUE (order_id, prescription_item_id)
);

-- One payment per order, whatever the number of attempts and callbacks: the order is unique, and so is the
-- provider's reference; a callback moves a pending payment to succeeded at most once.
CREATE TABLE medication_payments (
  id uuid PRIMARY KEY,
  order_id uuid NOT NULL UNIQUE REFERENCES medication_orders(id),
  org_id uuid NOT NULL REFERENCES orgs(id),
  provider text NOT NULL CHECK (provider IN ('dev', 'wechat_pay', 'alipay')),
  provider_ref text NOT NULL UNIQUE,
  amount_cents integer NOT NULL CHECK (amount_cents >= 0),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'succeeded', 'failed', 'refunded')),
  callbacks integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  succeeded_at timestamptz,
  refunded_at timestamptz
);

CREATE TABLE medication_shipments (
  id uuid PRIMARY KEY,
  order_id uuid NOT NULL UNIQUE REFERENCES medication_orders(id),
  org_id uuid NOT NULL REFERENCES orgs(id),
  courier text NOT NULL CHECK (courier IN ('dev', 'sf_express', 'ems')),
  tracking_no text NOT NULL,
  status text NOT NULL DEFAULT 'shipped' CHECK (status IN ('shipped', 'in_transit', 'out_for_delivery', 'delivered',
                                                          'failed')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (courier, tracking_no)
);

-- What the courier reported, each event once (its own id), for the tracking timeline.
CREATE TABLE medication_shipment_events (
  id uuid PRIMARY KEY,
  shipment_id uuid NOT NULL REFERENCES medication_shipments(id),
  org_id uuid NOT NULL REFERENCES orgs(id),
  event_id text NOT NULL CHECK (length(event_id) BETWEEN 1 AND 100),
  status text NOT NULL CHECK (status IN ('shipped', 'in_transit', 'out_for_delivery', 'delivered', 'failed')),
  description text CHECK (description IS NULL OR length(description) <= 300),
  location text CHECK (location IS NULL OR length(location) <= 120),
  occurred_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (shipment_id, event_id)
);

-- A patient asks the prescriber to renew a long-term prescription; the renewal is a new prescription.
CREATE TABLE refill_requests (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES orgs(id),
  patient_id uuid NOT NULL REFERENCES patients(id),
  prescription_id uuid NOT NULL REFERENCES prescriptions(id),
  prescriber_account_id uuid NOT NULL REFERENCES accounts(id),
  requested_by uuid NOT NULL REFERENCES accounts(id),
  note text CHECK (note IS NULL OR length(note) <= 500),
  status text NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'renewed', 'declined')),
  renewal_prescription_id uuid REFERENCES prescriptions(id),
  decided_by uuid REFERENCES accounts(id),
  decided_at timestamptz,
  decline_reason text CHECK (decline_reason IS NULL OR length(decline_reason) <= 500),
  created_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CHECK (status <> 'renewed' OR renewal_prescription_id IS NOT NULL),
  CHECK (status <> 'declined' OR decline_reason IS NOT NULL)
);
CREATE UNIQUE INDEX refill_requests_open ON refill_requests (prescription_id) WHERE status = 'requested';
CREATE INDEX refill_requests_prescriber ON refill_requests (prescriber_account_id, created_at DESC);

-- When a prescribed drug is to be taken: one schedule per prescription item, its local times of day in the
-- patient's time zone, from the day it starts (delivery, pickup or the patient's "start") to its end.
CREATE TABLE medication_schedules (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES orgs(id),
  patient_id uuid NOT NULL REFERENCES patients(id),
  prescription_item_id uuid NOT NULL UNIQUE REFERENCES prescription_items(id),
  order_id uuid REFERENCES medication_orders(id),
  frequency text NOT NULL,
  -- 'HH:MM' local times; empty for as-needed (prn) drugs, which are recorded but never due.
  times text[] NOT NULL CHECK (cardinality(times) <= 24),
  time_zone text NOT NULL DEFAULT 'Asia/Shanghai',
  start_date date NOT NULL,
  end_date date,
  active boolean NOT NULL DEFAULT true,
  -- The follow-up task raised for missed doses several days running, while it is open.
  missed_task_id uuid REFERENCES follow_up_tasks(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX medication_schedules_patient ON medication_schedules (patient_id) WHERE active;
CREATE INDEX medication_schedules_active ON medication_schedules (start_date) WHERE active;

-- One row per dose due: made a day ahead by the generator, marked by the patient, swept to missed when not.
CREATE TABLE dose_events (
  id uuid PRIMARY KEY DEFAULT uuid_v7(),
  org_id uuid NOT NULL REFERENCES orgs(id),
  patient_id uuid NOT NULL REFERENCES patients(id),
  schedule_id uuid NOT NULL REFERENCES medication_schedules(id),
  due_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'taken', 'late', 'skipped', 'missed')),
  reason text CHECK (reason IS NULL OR length(reason) <= 300),
  recorded_at timestamptz,
  recorded_by uuid REFERENCES accounts(id),
  reminded_at timestamptz,
  UNIQUE (schedule_id, due_at),
  CHECK (status NOT IN ('taken', 'late', 'skipped') OR recorded_at IS NOT NULL),
  CHECK (status <> 'skipped' OR reason IS NOT NULL)
);
CREATE INDEX dose_events_patient ON dose_events (patient_id, due_at);
-- The reminder and sweeper jobs look only at pending doses.
CREATE INDEX dose_events_pending ON dose_events (due_at) WHERE status = 'pending';

CREATE TABLE adverse_reactions (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES orgs(id),
  patient_id uuid NOT NULL REFERENCES patients(id),
  prescription_item_id uuid NOT NULL REFERENCES prescription_items(id),
  prescriber_account_id uuid NOT NULL REFERENCES accounts(id),
  reported_by uuid NOT NULL REFERENCES accounts(id),
  symptoms text NOT NULL CHECK (length(symptoms) BETWEEN 1 AND 1000),
  severity text NOT NULL CHECK (severity IN ('mild', 'moderate', 'severe')),
  started_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'reported' CHECK (status IN ('reported', 'reviewed', 'added_to_allergies', 'dismissed')),
  reviewed_by uuid REFERENCES accounts(id),
  reviewed_at timestamptz,
  review_note text CHECK (review_note IS NULL OR length(review_note) <= 1000),
  allergy_id uuid REFERENCES allergies(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CHECK (status = 'reported' OR (reviewed_by IS NOT NULL AND reviewed_at IS NOT NULL)),
  CHECK ((status = 'added_to_allergies') = (allergy_id IS NOT NULL))
);
CREATE INDEX adverse_reactions_patient ON adverse_reactions (patient_id, created_at DESC);
CREATE INDEX adverse_reactions_prescriber ON adverse_reactions (prescriber_account_id, created_at DESC)
  WHERE status = 'reported';
