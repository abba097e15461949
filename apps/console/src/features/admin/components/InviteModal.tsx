import type { StaffRole } from '@careloop/contracts';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CreateModalFooter } from '../../../components/CreateModalFooter';
import { applyFieldErrors, problemText } from '../../../lib/problems';
import { useInvite } from '../hooks/use-admin';
import { StaffAssignmentFields } from './StaffAssignmentFields';

interface Values {
  email: string;
  name: string;
  roles: StaffRole[];
  departmentId?: string;
  title?: string;
}

/** Invites a staff member by email; once sent, shows the accept link so it can also be handed over directly. */
export function InviteModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const invite = useInvite();

  async function submit(values: Values) {
    try {
      await invite.mutateAsync({
        email: values.email.trim(),
        name: values.name.trim(),
        roles: values.roles,
        departmentId: values.departmentId ?? null,
        title: values.title?.trim() || undefined,
      });
    } catch (error) {
      applyFieldErrors(form, error);
    }
  }

  const created = invite.data;
  return (
    <Modal
      open
      title={t('invitations.invite')}
      onCancel={onClose}
      footer={
        <CreateModalFooter
          done={!!created}
          pending={invite.isPending}
          submitLabel={t('invitations.invite')}
          onSubmit={() => form.submit()}
          onClose={onClose}
        />
      }
    >
      {created ? (
        <>
          <Alert type="success" showIcon title={t('invitations.created')} className="form-alert" />
          <Typography.Paragraph>{t('invitations.acceptUrl')}</Typography.Paragraph>
          <Typography.Paragraph copyable className="accept-url" data-testid="invitation-accept-url">
            {created.acceptUrl}
          </Typography.Paragraph>
        </>
      ) : (
        <>
          {invite.error ? (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={problemText(invite.error, t)}
              className="form-alert"
            />
          ) : null}
          <Form<Values>
            form={form}
            name="invite"
            layout="vertical"
            onFinish={(values) => void submit(values)}
          >
            <Form.Item
              label={t('invitations.email')}
              name="email"
              rules={[{ required: true, type: 'email', message: t('invitations.emailInvalid') }]}
            >
              <Input type="email" maxLength={254} autoComplete="off" />
            </Form.Item>
            <Form.Item
              label={t('invitations.name')}
              name="name"
              rules={[{ required: true, whitespace: true, message: t('patientForm.required') }]}
            >
              <Input maxLength={60} />
            </Form.Item>
            <StaffAssignmentFields
              rolesLabel={t('invitations.roles')}
              departmentLabelText={t('invitations.department')}
            />
            <Form.Item label={t('invitations.jobTitle')} name="title">
              <Input maxLength={40} />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
