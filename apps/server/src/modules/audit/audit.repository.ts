import type { Executor } from '../../platform/db/database.ts';

export const auditRepository = {
  async search(
    db: Executor,
    q: {
      orgId: string;
      patientId?: string | undefined;
      actorId?: string | undefined;
      action?: string | undefined;
      from?: string | undefined;
      to?: string | undefined;
      beforeSeq: string | null;
      limit: number;
    },
  ) {
    let query = db
      .selectFrom('audit_events as e')
      .leftJoin('accounts as a', 'a.id', 'e.actor_account_id')
      .leftJoin('patients as p', 'p.id', 'e.patient_id')
      .select([
        'e.seq',
        'e.id',
        'e.at',
        'e.actor_account_id',
        'a.display_name as actor_name',
        'e.action',
        'e.patient_id',
        'p.name as patient_name',
        'e.resource_type',
        'e.resource_id',
        'e.reason',
        'e.request_id',
      ])
      .select((eb) =>
        eb
          .exists(eb.selectFrom('audit_blocks as b').select('b.block_no').whereRef('b.xid_to', '>', 'e.xid'))
          .as('sealed'),
      )
      .where('e.org_id', '=', q.orgId);
    if (q.patientId) query = query.where('e.patient_id', '=', q.patientId);
    if (q.actorId) query = query.where('e.actor_account_id', '=', q.actorId);
    if (q.action) query = query.where('e.action', 'like', `${q.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    if (q.from) query = query.where('e.at', '>=', new Date(q.from));
    if (q.to) query = query.where('e.at', '<', new Date(q.to));
    if (q.beforeSeq) query = query.where('e.seq', '<', q.beforeSeq);
    return query
      .orderBy('e.seq', 'desc')
      .limit(q.limit + 1)
      .execute();
  },
};
