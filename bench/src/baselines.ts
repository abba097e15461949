import Fastify from 'fastify';
import pg from 'pg';
import { uuidv7 } from '../../apps/server/src/platform/db/ids.ts';
import { listenLocally, type CountedServer, type Listening } from './setup.ts';
import { countPoolWork } from './pool-counters.ts';

/** Baseline 1: Fastify alone, answering every id with one copy of a real response body. */
export async function startStaticBaseline(body: unknown): Promise<Listening> {
  const app = Fastify({ logger: false });
  app.get('/api/v1/patients/:id', async () => body);
  return listenLocally(app);
}

// The columns the real route reads (patients.repository PROFILE_COLUMNS).
const SELECT_PATIENT = `
  SELECT id, org_id, mrn, name, sex, birth_date, national_id_enc, phone_enc, phone_last4, address_enc,
         emergency_contact_enc, insurance, created_at, updated_at, version
    FROM patients
   WHERE id = $1 AND org_id = $2 AND deleted_at IS NULL`;

const INSERT_AUDIT = `
  INSERT INTO audit_events (id, org_id, actor_account_id, actor_kind, action, patient_id, resource_type,
                            resource_id, reason, request_id, ip, detail)
  VALUES ($1, $2, $3, 'staff', 'patient.read', $4, 'patient', $5, NULL, $6, $7, $8)`;

/**
 * Baseline 2: only the database work a read needs, with pg directly: in one transaction, the patient row and
 * one audit entry. No session, no access check, no decryption: the floor the real route is compared with.
 */
export async function startDatabaseBaseline(
  databaseUrl: string,
  scope: { orgId: string; accountId: string },
): Promise<CountedServer> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 20, application_name: 'careloop-bench' });
  const counters = countPoolWork(pool);
  const app = Fastify({ logger: false, genReqId: () => uuidv7() });
  app.get<{ Params: { id: string } }>('/api/v1/patients/:id', async (req, reply) => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query(SELECT_PATIENT, [req.params.id, scope.orgId]);
      if (!rows[0]) {
        await client.query('ROLLBACK');
        return reply.status(404).send({ code: 'PATIENT_NOT_FOUND' });
      }
      const detail = JSON.stringify({ basis: 'care_team' });
      const { id } = req.params;
      await client.query(INSERT_AUDIT, [
        uuidv7(),
        scope.orgId,
        scope.accountId,
        id,
        id,
        req.id,
        req.ip,
        detail,
      ]);
      await client.query('COMMIT');
      return rows[0];
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  });
  const listening = await listenLocally(app);
  return {
    url: listening.url,
    counters,
    async close() {
      await listening.close();
      await pool.end();
    },
  };
}
