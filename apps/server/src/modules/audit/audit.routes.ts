import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AuditEvent, AuditQuery, AuditVerification, pageOf } from '@careloop/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import { staffContextOf } from '../../platform/auth/auth-hook.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { verifyAuditChain } from '../../platform/audit/audit-chain.ts';
import { auditRepository as repo } from './audit.repository.ts';

export function auditRoutes(deps: AppDeps) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['audit'];

    app.get(
      '/audit-events',
      {
        schema: {
          tags,
          summary: 'Audit trail of the organization',
          querystring: AuditQuery,
          response: { 200: pageOf(AuditEvent) },
        },
        config: { access: { roles: ['org_admin', 'platform_admin'] } },
      },
      async (req) => {
        const ctx = staffContextOf(req);
        const { limit, cursor, ...filter } = req.query;
        const rows = await repo.search(deps.db, {
          ...filter,
          orgId: ctx.actor.orgId,
          beforeSeq: cursor && /^\d+$/.test(cursor) ? cursor : null,
          limit,
        });
        // Reading the audit trail is itself an access worth recording.
        await recordAudit(deps.db, ctx, {
          action: 'audit.read',
          resourceType: 'audit_event',
          patientId: filter.patientId ?? null,
          detail: { results: Math.min(rows.length, limit) },
        });
        const page = rows.slice(0, limit);
        return {
          items: page.map((r) => ({
            id: r.id,
            at: r.at.toISOString(),
            actorId: r.actor_account_id,
            actorName: r.actor_name,
            action: r.action,
            patientId: r.patient_id,
            patientName: r.patient_name,
            resourceType: r.resource_type,
            resourceId: r.resource_id,
            reason: r.reason,
            requestId: r.request_id,
            sealed: Boolean(r.sealed),
          })),
          nextCursor: rows.length > limit ? (page.at(-1)?.seq ?? null) : null,
        };
      },
    );

    app.post(
      '/audit/verify',
      {
        schema: { tags, summary: 'Verify the audit hash chain', response: { 200: AuditVerification } },
        config: { access: { roles: ['org_admin', 'platform_admin'] } },
      },
      async (req) => {
        const result = await verifyAuditChain(deps.db);
        await recordAudit(deps.db, staffContextOf(req), {
          action: 'audit.verify',
          resourceType: 'audit_block',
          detail: { ok: result.ok, firstBrokenBlock: result.firstBrokenBlock },
        });
        return { ...result, checkedAt: new Date().toISOString() };
      },
    );
  };
}
