import { App, Modal, Radio, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/QueryError';
import { problemText } from '../../../lib/problems';
import { useAddGuest, useInvitable } from '../hooks/use-consultations';

/** Brings a second doctor or a family member of the patient into the consultation (chat and calls). */
export function InviteGuestModal({
  consultationId,
  onClose,
}: {
  consultationId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const invitable = useInvitable(consultationId, true);
  const add = useAddGuest(consultationId);
  const [picked, setPicked] = useState<string | null>(null);

  function submit() {
    if (!picked) return;
    add.mutate(picked, {
      onSuccess: () => {
        void message.success(t('consult.guests.added'));
        onClose();
      },
      onError: (error) => void message.error(problemText(error, t)),
    });
  }

  return (
    <Modal
      open
      title={t('consult.guests.title')}
      okText={t('consult.guests.submit')}
      okButtonProps={{ disabled: !picked, loading: add.isPending }}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      {invitable.isPending ? (
        <Skeleton active />
      ) : invitable.isError ? (
        <QueryError error={invitable.error} onRetry={() => void invitable.refetch()} />
      ) : invitable.data.length === 0 ? (
        <p className="muted">{t('consult.guests.empty')}</p>
      ) : (
        <Radio.Group
          value={picked}
          onChange={(event) => setPicked(event.target.value as string)}
          className="consult-guests"
          aria-label={t('consult.guests.pick')}
          data-testid="consult-invitable"
        >
          {invitable.data.map((person) => (
            <Radio key={person.accountId} value={person.accountId}>
              {person.name} · {t(`consult.guests.${person.kind}`)}
              {person.detail ? <span className="muted"> · {person.detail}</span> : null}
            </Radio>
          ))}
        </Radio.Group>
      )}
    </Modal>
  );
}
