import type { AccessiblePatient, DoctorCard } from '@careloop/contracts';
import { Button } from 'antd-mobile';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { localizedFieldErrors } from '../../../api/field-errors.ts';
import { Loading } from '../../../ui/Loading.tsx';
import { ErrorNotice, Notice } from '../../../ui/Notice.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useActingProfile } from '../../profiles/hooks/acting-profile-context.ts';
import { useConsultTargets, useOpenConsultation } from '../hooks/useConsultQueries.ts';
import { newClientId } from '../lib/outbox.ts';
import { DoctorChoice } from './DoctorChoice.tsx';
import { PhotoPicker } from './PhotoPicker.tsx';
import '../consult.css';

/** Whom the account may open a consultation for: its own profiles, and people who granted it the consult scope. */
function mayConsult(p: AccessiblePatient): boolean {
  return p.via === 'own' || p.scopes.includes('consult');
}

/** Where photos chosen on this page travel to the chat, which sends them once the consultation exists. */
export interface StartState {
  photos?: File[];
}

/** 发起问诊: for whom, which department (and optionally which doctor), what the problem is, optional photos. */
export function StartConsultPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const complaintId = useId();
  const { profiles, acting } = useActingProfile();
  const allowed = useMemo(() => profiles.filter(mayConsult), [profiles]);
  const [patientId, setPatientId] = useState<string | undefined>(undefined);
  const forId = patientId ?? (acting && mayConsult(acting) ? acting.patient.id : allowed[0]?.patient.id);
  const targets = useConsultTargets(forId);
  const [departmentId, setDepartmentId] = useState('');
  const [doctorId, setDoctorId] = useState('');
  const [complaint, setComplaint] = useState('');
  const [photos, setPhotos] = useState<File[]>([]);
  const [tried, setTried] = useState(false);
  const [key] = useState(newClientId);
  const open = useOpenConsultation();
  const server = localizedFieldErrors(open.error);

  const departments = targets.data?.departments ?? [];
  const department = departments.find((d) => d.id === departmentId);
  const doctors: DoctorCard[] = department?.doctors ?? [];
  const complaintError =
    server.chiefComplaint ??
    (tried && complaint.trim() === '' ? t('consult.new.complaintRequired') : undefined);
  const departmentError = tried && !department ? t('consult.new.departmentRequired') : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (!forId || !department || complaint.trim() === '') return;
    open.mutate(
      {
        key,
        body: {
          patientId: forId,
          departmentId: department.id,
          ...(doctorId ? { doctorId } : {}),
          chiefComplaint: complaint.trim(),
        },
      },
      {
        onSuccess: (c) =>
          void navigate(`/consult/${c.id}`, { replace: true, state: { photos } satisfies StartState }),
      },
    );
  }

  return (
    <div className="page stack">
      <PageHeader title={t('consult.new.title')} backTo="/consult" />
      {allowed.length === 0 && profiles.length > 0 && (
        <Notice tone="info">{t('consult.new.noConsultScope')}</Notice>
      )}
      <form className="stack" onSubmit={submit} noValidate data-testid="consult-form">
        {allowed.length > 1 && (
          <fieldset className="choice-group">
            <legend>{t('consult.new.who')}</legend>
            {allowed.map((p) => (
              <label key={p.patient.id} className="choice" data-testid="consult-for">
                <input
                  type="radio"
                  name="consult-for"
                  value={p.patient.id}
                  checked={forId === p.patient.id}
                  onChange={() => {
                    setPatientId(p.patient.id);
                    setDepartmentId('');
                    setDoctorId('');
                  }}
                />
                <span>
                  {p.patient.name}
                  <span className="muted"> · {t(`relationship.${p.relationship}`)}</span>
                </span>
              </label>
            ))}
          </fieldset>
        )}

        {targets.isPending && targets.fetchStatus === 'fetching' && <Loading />}
        <ErrorNotice error={targets.error} />
        {targets.data && departments.length === 0 && (
          <Notice tone="info">{t('consult.new.noTargets')}</Notice>
        )}
        {departments.length > 0 && (
          <fieldset
            className="choice-group"
            aria-invalid={departmentError ? true : undefined}
            aria-describedby={departmentError ? `${complaintId}-dept` : undefined}
          >
            <legend>{t('consult.new.department')}</legend>
            {departments.map((d) => (
              <label key={d.id} className="choice" data-testid="consult-department">
                <input
                  type="radio"
                  name="consult-department"
                  value={d.id}
                  checked={departmentId === d.id}
                  onChange={() => {
                    setDepartmentId(d.id);
                    setDoctorId('');
                  }}
                />
                <span>{d.name}</span>
              </label>
            ))}
          </fieldset>
        )}
        {departmentError && (
          <p className="field-error" id={`${complaintId}-dept`} role="alert">
            {departmentError}
          </p>
        )}

        {department && <DoctorChoice doctors={doctors} value={doctorId} onChange={setDoctorId} />}

        <div className="field">
          <label className="field-label" htmlFor={complaintId}>
            {t('consult.new.complaint')}
          </label>
          <textarea
            id={complaintId}
            className="field-input consult-textarea"
            rows={5}
            maxLength={2000}
            value={complaint}
            onChange={(e) => setComplaint(e.target.value)}
            required
            aria-invalid={complaintError ? true : undefined}
            aria-describedby={`${complaintId}-hint${complaintError ? ` ${complaintId}-error` : ''}`}
            data-testid="consult-complaint"
          />
          <span className="field-hint" id={`${complaintId}-hint`}>
            {t('consult.new.complaintHint')}
          </span>
          {complaintError && (
            <span className="field-error" id={`${complaintId}-error`} role="alert">
              {complaintError}
            </span>
          )}
        </div>

        <PhotoPicker photos={photos} onChange={setPhotos} />

        <ErrorNotice error={open.error} />
        <Button
          block
          color="primary"
          type="submit"
          loading={open.isPending}
          disabled={!forId}
          data-testid="consult-submit"
        >
          {t('consult.new.submit')}
        </Button>
      </form>
    </div>
  );
}
