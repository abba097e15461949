-- Pharmacy, prescribing side (处方与药品目录): each organization's formulary with its interactions and stock, and
-- signed electronic prescriptions that a pharmacist reviews. A prescription is signed when it is written (who, when,
-- a SHA-256 over its canonical content); its content never changes afterwards (the triggers below refuse it), and a
-- change is a new row (version + 1, previous_id) that supersedes the old one.

-- Notification kinds for prescriptions. Other migrations may widen the list too, so the current check is extended
-- rather than rewritten.
DO $$
DECLARE
  def text;
BEGIN
  SELECT pg_get_constraintdef(oid) INTO def FROM pg_constraint
   WHERE conname = 'notifications_kind_check' AND conrelid = 'notifications'::regclass;
  IF def IS NOT NULL AND position('prescription_update' IN def) = 0 THEN
    ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
    EXECUTE 'ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check '
      || replace(def, 'ARRAY[', 'ARRAY[''prescription_update''::text, ''prescription_review''::text, ');
  END IF;
END $$;

-- One drug (product) of an organization's formulary. Names, strength and limits are copied into prescription items
-- at signing, so editing a drug never changes a signed prescription.
CREATE TABLE formulary_drugs (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES orgs(id),
  code text NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9._-]{0,79}$'),
  generic_zh text NOT NULL CHECK (length(generic_zh) BETWEEN 1 AND 200),
  generic_en text NOT NULL CHECK (length(generic_en) BETWEEN 1 AND 200),
  brand_zh text CHECK (brand_zh IS NULL OR length(brand_zh) BETWEEN 1 AND 200),
  brand_en text CHECK (brand_en IS NULL OR length(brand_en) BETWEEN 1 AND 200),
  -- INN in English lower case; a combination product names each.
  ingredients text[] NOT NULL CHECK (cardinality(ingredients) BETWEEN 1 AND 10),
  -- WHO ATC code of the product (7 characters for a substance, shorter for a group).
  atc text NOT NULL CHECK (atc ~ '^[A-Z][0-9]{2}([A-Z]([A-Z]([0-9]{2})?)?)?$'),
  form text NOT NULL CHECK (form IN ('tablet', 'capsule', 'sustained_release_tablet', 'injection', 'oral_solution',
                                     'granules', 'inhaler', 'ointment', 'cream', 'eye_drops', 'suppository', 'patch',
                                     'spray')),
  strength_value numeric NOT NULL CHECK (strength_value > 0),
  strength_unit text NOT NULL CHECK (strength_unit IN ('mg', 'g', 'mcg', 'IU', 'mg/mL', 'mcg/dose', '%')),
  route text NOT NULL CHECK (route IN ('oral', 'iv', 'im', 'sc', 'inhaled', 'topical', 'ophthalmic', 'rectal', 'nasal',
                                       'sublingual', 'transdermal')),
  package_size integer NOT NULL CHECK (package_size BETWEEN 1 AND 10000),
  package_unit text NOT NULL CHECK (length(package_unit) BETWEEN 1 AND 40),
  -- CNY fen per package.
  price_cents integer NOT NULL CHECK (price_cents BETWEEN 0 AND 100000000),
  max_daily_value numeric CHECK (max_daily_value IS NULL OR max_daily_value > 0),
  max_daily_unit text CHECK (max_daily_unit IS NULL OR max_daily_unit IN ('mg', 'g', 'mcg', 'IU', 'tablet', 'puff', 'mL')),
  -- [{ "icd10Prefixes": ["N18.5"], "zh": "...", "en": "..." }]
  contraindications jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(contraindications) = 'array'),
  pregnancy jsonb CHECK (pregnancy IS NULL OR jsonb_typeof(pregnancy) = 'object'),
  lactation jsonb CHECK (lactation IS NULL OR jsonb_typeof(lactation) = 'object'),
  -- The label or guideline the figures come from.
  source text NOT NULL CHECK (length(source) BETWEEN 1 AND 500),
  -- Lower-case names, pinyin in full and initials, brand names and code: what the search box matches.
  name_search text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CHECK ((max_daily_value IS NULL) = (max_daily_unit IS NULL)),
  UNIQUE (org_id, code)
);
-- A formulary holds hundreds of drugs: the search scans one organization's rows (substring match on name_search).
CREATE INDEX formulary_drugs_org ON formulary_drugs (org_id, generic_zh);

-- Known interactions: a and b are an ingredient ('simvastatin') or an ATC class prefix ('C09A'); order does not matter.
CREATE TABLE drug_interactions (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES orgs(id),
  a text NOT NULL CHECK (length(a) BETWEEN 1 AND 100),
  b text NOT NULL CHECK (length(b) BETWEEN 1 AND 100),
  severity text NOT NULL CHECK (severity IN ('contraindicated', 'major', 'moderate', 'minor')),
  zh text NOT NULL CHECK (length(zh) BETWEEN 1 AND 1000),
  en text NOT NULL CHECK (length(en) BETWEEN 1 AND 1000),
  source text NOT NULL CHECK (length(source) BETWEEN 1 AND 500),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (a <> b)
);
-- One row per unordered pair in an organization.
CREATE UNIQUE INDEX drug_interactions_pair ON drug_interactions (org_id, LEAST(a, b), GREATEST(a, b));

-- Packages on hand in the organization's pharmacy. Orders reserve and dispensing decrements with conditional
-- UPDATEs; the CHECKs keep both from going below zero or past what is on hand.
CREATE TABLE pharmacy_stock (
  org_id uuid NOT NULL REFERENCES orgs(id),
  drug_id uuid NOT NULL REFERENCES formulary_drugs(id),
  on_hand integer NOT NULL CHECK (on_hand >= 0),
  reserved integer NOT NULL DEFAULT 0 CHECK (reserved >= 0 AND reserved <= on_hand),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, drug_id)
);

CREATE TABLE prescriptions (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES orgs(id),
  patient_id uuid NOT NULL REFERENCES patients(id),
  prescriber_account_id uuid NOT NULL REFERENCES accounts(id),
  consultation_id uuid REFERENCES consultations(id),
  appointment_id uuid REFERENCES appointments(id),
  status text NOT NULL CHECK (status IN ('pending_review', 'approved', 'rejected', 'superseded', 'cancelled',
                                         'completed')),
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  previous_id uuid REFERENCES prescriptions(id),
  diagnosis text CHECK (diagnosis IS NULL OR length(diagnosis) <= 500),
  note text CHECK (note IS NULL OR length(note) <= 2000),
  -- Hex SHA-256 of the canonical JSON of the signed content (header and items).
  content_hash text NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$'),
  signed_at timestamptz NOT NULL,
  reviewed_by uuid REFERENCES accounts(id),
  reviewed_at timestamptz,
  review_note text CHECK (review_note IS NULL OR length(review_note) <= 2000),
  long_term boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((version = 1) = (previous_id IS NULL)),
  CHECK (status <> 'rejected' OR (reviewed_by IS NOT NULL AND review_note IS NOT NULL)),
  CHECK (status NOT IN ('approved', 'rejected') OR reviewed_at IS NOT NULL)
);
CREATE INDEX prescriptions_patient ON prescriptions (org_id, patient_id, created_at DESC);
CREATE INDEX prescriptions_review_queue ON prescriptions (org_id, signed_at) WHERE status = 'pending_review';
CREATE INDEX prescriptions_prescriber ON prescriptions (prescriber_account_id, created_at DESC);
-- A version is superseded by at most one newer version.
CREATE UNIQUE INDEX prescriptions_one_successor ON prescriptions (previous_id) WHERE previous_id IS NOT NULL;

CREATE TABLE prescription_items (
  id uuid PRIMARY KEY,
  prescription_id uuid NOT NULL REFERENCES prescriptions(id),
  org_id uuid NOT NULL REFERENCES orgs(id),
  drug_id uuid NOT NULL REFERENCES formulary_drugs(id),
  -- Copied from the formulary at signing.
  drug_code text NOT NULL,
  drug_name_zh text NOT NULL,
  drug_name_en text NOT NULL,
  dose_value numeric NOT NULL CHECK (dose_value > 0),
  dose_unit text NOT NULL CHECK (dose_unit IN ('mg', 'g', 'mcg', 'IU', 'mL', 'tablet', 'capsule', 'puff', 'drop',
                                               'sachet', 'patch', 'unit')),
  frequency text NOT NULL CHECK (frequency IN ('qd', 'bid', 'tid', 'qid', 'qn', 'qm', 'q4h', 'q6h', 'q8h', 'q12h', 'qod',
                                               'qw', 'biw', 'prn', 'stat')),
  route text NOT NULL,
  duration_days integer CHECK (duration_days IS NULL OR duration_days BETWEEN 1 AND 365),
  -- Packages to dispense.
  quantity integer NOT NULL CHECK (quantity BETWEEN 1 AND 100),
  instructions text CHECK (instructions IS NULL OR length(instructions) <= 500),
  -- The safety findings shown at signing, and the prescriber's reason for going ahead despite them.
  findings jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(findings) = 'array'),
  override_reason text CHECK (override_reason IS NULL OR length(override_reason) BETWEEN 1 AND 1000),
  position integer NOT NULL CHECK (position >= 0),
  UNIQUE (prescription_id, position),
  CHECK (jsonb_array_length(findings) = 0 OR override_reason IS NOT NULL)
);
CREATE INDEX prescription_items_prescription ON prescription_items (prescription_id);
CREATE INDEX prescription_items_drug ON prescription_items (drug_id);

-- Signed content is immutable: only the review and status columns of a prescription may change, a prescription is
-- never deleted, and its items are written in the signing transaction only and never changed or deleted after.
CREATE FUNCTION prescriptions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'signed prescription % cannot be deleted', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  IF NEW.id IS DISTINCT FROM OLD.id
     OR NEW.org_id IS DISTINCT FROM OLD.org_id
     OR NEW.patient_id IS DISTINCT FROM OLD.patient_id
     OR NEW.prescriber_account_id IS DISTINCT FROM OLD.prescriber_account_id
     OR NEW.consultation_id IS DISTINCT FROM OLD.consultation_id
     OR NEW.appointment_id IS DISTINCT FROM OLD.appointment_id
     OR NEW.version IS DISTINCT FROM OLD.version
     OR NEW.previous_id IS DISTINCT FROM OLD.previous_id
     OR NEW.diagnosis IS DISTINCT FROM OLD.diagnosis
     OR NEW.note IS DISTINCT FROM OLD.note
     OR NEW.content_hash IS DISTINCT FROM OLD.content_hash
     OR NEW.signed_at IS DISTINCT FROM OLD.signed_at
     OR NEW.long_term IS DISTINCT FROM OLD.long_term
     OR NEW.created_at IS DISTINCT FROM OLD.created_at THEN
    RAISE EXCEPTION 'signed prescription % cannot change its content', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER prescriptions_immutable BEFORE UPDATE OR DELETE ON prescriptions
  FOR EACH ROW EXECUTE FUNCTION prescriptions_immutable();

CREATE FUNCTION prescription_items_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  signed_in_this_transaction boolean;
BEGIN
  IF TG_OP <> 'INSERT' THEN
    RAISE EXCEPTION 'items of a signed prescription cannot change' USING ERRCODE = 'check_violation';
  END IF;
  -- now() is the transaction's start: only the transaction that inserted the prescription adds its items.
  SELECT p.created_at = now() AND p.org_id = NEW.org_id INTO signed_in_this_transaction
    FROM prescriptions p WHERE p.id = NEW.prescription_id;
  IF NOT coalesce(signed_in_this_transaction, false) THEN
    RAISE EXCEPTION 'items cannot be added to signed prescription %', NEW.prescription_id
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER prescription_items_immutable BEFORE INSERT OR UPDATE OR DELETE ON prescription_items
  FOR EACH ROW EXECUTE FUNCTION prescription_items_immutable();

-- A medication statement written from an approved prescription item points back at it (its source is 'clinician').
ALTER TABLE medication_statements ADD COLUMN prescription_item_id uuid REFERENCES prescription_items(id);
CREATE UNIQUE INDEX medication_statements_prescription_item ON medication_statements (prescription_item_id)
  WHERE prescription_item_id IS NOT NULL;
