import { sql } from 'kysely';
import type { RequestContext } from '../../platform/auth/actor.ts';
import type { Tx } from '../../platform/db/database.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { AppError } from '../../platform/errors/app-error.ts';

/**
 * The patient's profile at another organization of the platform, for a referral the patient consented to: the one
 * that organization already has, or a new registration with
 * the demographics only (name, sex, birth date, encrypted phone and ID; nothing clinical). The accounts that hold
 * the source profile are linked to it with the same relationship, so the patient sees the visit in the app.
 */
export async function profileAtOrg(
  tx: Tx,
  ctx: RequestContext,
  input: { sourcePatientId: string; orgId: string; referralId: string },
): Promise<{ patientId: string; registered: boolean }> {
  const source = await tx
    .selectFrom('patients')
    .selectAll()
    .where('id', '=', input.sourcePatientId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!source) throw new AppError('PATIENT_NOT_FOUND');
  if (source.org_id === input.orgId) return { patientId: source.id, registered: false };

  // The same person there: a profile held by the same app account with the same name and birth date (a referral
  // before), the same resident ID, or the same phone with the same name and birth date.
  const known = await tx
    .selectFrom('patients as p')
    .select('p.id')
    .where('p.org_id', '=', input.orgId)
    .where('p.deleted_at', 'is', null)
    .where((eb) => {
      const samePerson = eb.and([eb('p.name', '=', source.name), eb('p.birth_date', '=', source.birth_date)]);
      const sameAccount = eb.exists(
        eb
          .selectFrom('patient_links as m')
          .innerJoin('patient_links as l', 'l.account_id', 'm.account_id')
          .select('m.id')
          .whereRef('m.patient_id', '=', 'p.id')
          .where('m.removed_at', 'is', null)
          .where('l.patient_id', '=', source.id)
          .where('l.removed_at', 'is', null),
      );
      return eb.or([
        eb.and([samePerson, sameAccount]),
        ...(source.national_id_bidx ? [eb('p.national_id_bidx', '=', source.national_id_bidx)] : []),
        ...(source.phone_bidx ? [eb.and([samePerson, eb('p.phone_bidx', '=', source.phone_bidx)])] : []),
      ]);
    })
    .orderBy('p.created_at')
    .executeTakeFirst();
  const patientId = known?.id ?? uuidv7();
  if (!known) {
    await tx
      .insertInto('patients')
      .values({
        id: patientId,
        org_id: input.orgId,
        mrn: sql<string>`'P' || nextval('patient_mrn_seq')::text`,
        name: source.name,
        name_search: source.name_search,
        sex: source.sex,
        birth_date: source.birth_date,
        national_id_enc: source.national_id_enc,
        national_id_bidx: source.national_id_bidx,
        phone_enc: source.phone_enc,
        phone_bidx: source.phone_bidx,
        phone_last4: source.phone_last4,
        address_enc: null,
        emergency_contact_enc: null,
        insurance: null,
        created_by: ctx.actor.accountId,
      })
      .execute();
  }
  // Link the source profile's accounts that are not linked yet.
  const links = await tx
    .selectFrom('patient_links as l')
    .select(['l.account_id', 'l.relationship'])
    .where('l.patient_id', '=', source.id)
    .where('l.removed_at', 'is', null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('patient_links as m')
            .select('m.id')
            .whereRef('m.account_id', '=', 'l.account_id')
            .where('m.patient_id', '=', patientId)
            .where('m.removed_at', 'is', null),
        ),
      ),
    )
    .execute();
  if (links.length > 0)
    await tx
      .insertInto('patient_links')
      .values(
        links.map((l) => ({
          id: uuidv7(),
          org_id: input.orgId,
          account_id: l.account_id,
          patient_id: patientId,
          relationship: l.relationship,
        })),
      )
      .execute();
  await recordAudit(tx, ctx, {
    action: known ? 'patient.referral_match' : 'patient.referral_register',
    resourceType: 'patient',
    resourceId: patientId,
    patientId,
    orgId: input.orgId,
    detail: { referralId: input.referralId, from: source.id },
  });
  return { patientId, registered: !known };
}
