// The consultation benchmark's data, made fast with set-based SQL: one organization, a doctor and a patient account
// per consultation (the patient's own profile linked to it), the consultations already accepted and active with
// both participants, and a signed-in session for every account made by the server's own session store.
import { loadConfig } from '../../apps/server/src/config.ts';
import { openDatabase } from '../../apps/server/src/platform/db/database.ts';
import { migrate } from '../../apps/server/src/platform/db/migrate.ts';
import { uuidv7 } from '../../apps/server/src/platform/db/ids.ts';
import { FieldCrypto } from '../../apps/server/src/platform/crypto/field-crypto.ts';
import { SessionStore, SESSION_COOKIE } from '../../apps/server/src/platform/auth/session-store.ts';

export interface BenchPair {
  readonly consultationId: string;
  /** `cookie` headers of the patient's and the doctor's sessions. */
  readonly patientCookie: string;
  readonly doctorCookie: string;
}

const CHUNK = 250;

/** Migrates the fresh database and fills it; returns one pair of signed-in participants per consultation. */
export async function createConsultationData(databaseUrl: string, count: number): Promise<BenchPair[]> {
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: databaseUrl });
  const crypto = new FieldCrypto(config.fieldKeys, config.activeFieldKeyId, config.blindIndexKey);
  const database = openDatabase(databaseUrl, { max: 4 });
  try {
    await migrate(database.pool);
    const q = (text: string, values: unknown[]) => database.pool.query(text, values);
    const orgId = uuidv7();
    await q(
      `INSERT INTO orgs (id, code, name_zh, name_en) VALUES ($1, 'bench', '基准医院', 'Benchmark Hospital')`,
      [orgId],
    );
    const rows = Array.from({ length: count }, (_, i) => {
      const phone = `137${String(i).padStart(8, '0')}`;
      return {
        i,
        doctor: uuidv7(),
        patientAccount: uuidv7(),
        patient: uuidv7(),
        consultation: uuidv7(),
        phoneEnc: crypto.encrypt(phone),
        phoneBidx: crypto.blindIndex('phone', phone),
      };
    });
    for (let start = 0; start < rows.length; start += CHUNK) {
      const part = rows.slice(start, start + CHUNK);
      const col = <T>(f: (r: (typeof rows)[number]) => T) => part.map(f);
      await q(
        `INSERT INTO accounts (id, kind, display_name, email, mfa_enabled)
         SELECT id, 'staff', '基准医生' || n, 'doctor' || n || '@bench.careloop.cn', true
           FROM unnest($1::uuid[], $2::int[]) AS t(id, n)`,
        [col((r) => r.doctor), col((r) => r.i)],
      );
      await q(
        `INSERT INTO memberships (id, org_id, account_id, roles, title)
         SELECT gen_random_uuid(), $1, id, ARRAY['doctor'], '主治医师' FROM unnest($2::uuid[]) AS t(id)`,
        [orgId, col((r) => r.doctor)],
      );
      await q(
        `INSERT INTO accounts (id, kind, display_name, phone_enc, phone_bidx)
         SELECT id, 'patient', '基准患者' || n, enc, bidx
           FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[]) AS t(id, n, enc, bidx)`,
        [col((r) => r.patientAccount), col((r) => r.i), col((r) => r.phoneEnc), col((r) => r.phoneBidx)],
      );
      await q(
        `INSERT INTO patients (id, org_id, mrn, name, name_search, sex, birth_date, created_by)
         SELECT id, $1, 'B' || lpad(n::text, 8, '0'), '基准患者' || n, '基准患者' || n,
                CASE WHEN n % 2 = 0 THEN 'female' ELSE 'male' END, DATE '1960-01-01' + n, acc
           FROM unnest($2::uuid[], $3::int[], $4::uuid[]) AS t(id, n, acc)`,
        [orgId, col((r) => r.patient), col((r) => r.i), col((r) => r.patientAccount)],
      );
      await q(
        `INSERT INTO patient_links (id, org_id, account_id, patient_id, relationship)
         SELECT gen_random_uuid(), $1, acc, pid, 'self' FROM unnest($2::uuid[], $3::uuid[]) AS t(acc, pid)`,
        [orgId, col((r) => r.patientAccount), col((r) => r.patient)],
      );
      await q(
        `INSERT INTO consultations (id, org_id, patient_id, requested_by, doctor_account_id, status, chief_complaint,
                                    expires_at, accepted_at, accepted_by, care_until)
         SELECT id, $1, pid, acc, doc, 'active', '头晕三天，血压偏高', now() + interval '1 day', now(), doc, 'infinity'
           FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[]) AS t(id, pid, acc, doc)`,
        [
          orgId,
          col((r) => r.consultation),
          col((r) => r.patient),
          col((r) => r.patientAccount),
          col((r) => r.doctor),
        ],
      );
      await q(
        `INSERT INTO consultation_participants (consultation_id, account_id, role, added_by)
         SELECT cid, acc, 'patient', acc FROM unnest($1::uuid[], $2::uuid[]) AS t(cid, acc)
         UNION ALL
         SELECT cid, doc, 'doctor', doc FROM unnest($1::uuid[], $3::uuid[]) AS t(cid, doc)`,
        [col((r) => r.consultation), col((r) => r.patientAccount), col((r) => r.doctor)],
      );
    }
    const sessions = new SessionStore(database.db, database.pool, config.sessionTtlHours);
    const cookie = async (accountId: string, org: string | null) => {
      const s = await sessions.create(database.db, {
        accountId,
        orgId: org,
        mfaState: 'ok',
        userAgent: 'careloop-bench',
        ip: '127.0.0.1',
      });
      return `${SESSION_COOKIE}=${s.token}`;
    };
    const pairs: BenchPair[] = [];
    for (const r of rows) {
      pairs.push({
        consultationId: r.consultation,
        patientCookie: await cookie(r.patientAccount, null),
        doctorCookie: await cookie(r.doctor, orgId),
      });
    }
    await database.pool.query('ANALYZE');
    return pairs;
  } finally {
    await database.close();
  }
}
