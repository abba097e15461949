import type pg from 'pg';
import { prepared } from '../../platform/db/prepared.ts';
import { patientBasisSql, staffCareSql, type AccessBasis } from '../../platform/access/patient-access.ts';
import type { PatientRow } from './patients.repository.ts';

type Row = PatientRow & { basis: AccessBasis | null };

const COLUMNS = `p.id, p.org_id, p.mrn, p.name, p.sex, p.birth_date, p.national_id_enc, p.phone_enc, p.phone_last4,
  p.address_enc, p.emergency_contact_enc, p.insurance, p.created_at, p.updated_at, p.version`;

// The read and its audit entry are one statement, so they commit together; the entry is written only when the
// access basis allows the read. Parameters after the basis: $3 actor, $4 audit id, $5 actor kind, $6 request id, $7 ip.
const AUDIT = `audit AS (
  INSERT INTO audit_events (id, org_id, actor_account_id, actor_kind, action, patient_id, resource_type, resource_id,
                            reason, request_id, ip, detail)
  SELECT $4, p.org_id, $3, $5, 'patient.read', p.id, 'patient', p.id::text,
         CASE WHEN p.basis = 'break_glass' THEN 'break-glass' END, $6, $7, jsonb_build_object('basis', p.basis)
    FROM p WHERE p.basis IS NOT NULL)
SELECT * FROM p`;

/** Staff: the same policy as requirePatientAccess — inside the org, through the care team or break-glass. */
const STAFF_READ = prepared<Row>(
  'careloop_patient_read_staff',
  `WITH p AS (
     SELECT ${COLUMNS},
            CASE WHEN ${staffCareSql('p', '$3')} THEN 'care_team'
                 WHEN EXISTS (SELECT 1 FROM break_glass b WHERE b.patient_id = p.id AND b.staff_account_id = $3
                                AND b.org_id = p.org_id AND b.expires_at > now()) THEN 'break_glass' END AS basis
       FROM patients p
      WHERE p.id = $1 AND p.org_id = $2 AND p.deleted_at IS NULL),
   ${AUDIT}`,
);

/** Patients: own profiles (self, family members) or a live proxy grant with the 'view' scope. */
const PATIENT_READ = prepared<Row>(
  'careloop_patient_read_patient',
  `WITH p AS (
     SELECT ${COLUMNS},
            ${patientBasisSql('p', '$3', "'view'")} AS basis
       FROM patients p
      WHERE p.id = $1 AND p.deleted_at IS NULL AND $2::uuid IS NULL),
   ${AUDIT}`,
);

/** Reads one profile with its access basis and audits the read in the same statement (null basis: not allowed). */
export async function readProfileAudited(
  pool: pg.Pool,
  input: {
    patientId: string;
    actor: { kind: 'staff' | 'patient'; accountId: string; orgId: string | null; via: 'session' | 'token' };
    auditId: string;
    requestId: string;
    ip: string | null;
  },
): Promise<Row | undefined> {
  const query = input.actor.kind === 'staff' ? STAFF_READ : PATIENT_READ;
  const actorKind = input.actor.via === 'token' ? 'token' : input.actor.kind;
  const [row] = await query.run(pool, [
    input.patientId,
    input.actor.orgId,
    input.actor.accountId,
    input.auditId,
    actorKind,
    input.requestId,
    input.ip,
  ]);
  return row;
}
