import { Alert, Form, Input, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CreateModalFooter } from '../../../components/CreateModalFooter';
import { API_TOKEN_SCOPES, type ApiTokenScope } from '../../../api/types';
import { dayBoundary } from '../../../lib/format';
import { applyFieldErrors, problemText } from '../../../lib/problems';
import { useCreateApiToken } from '../hooks/use-security';

interface Values {
  name: string;
  scopes: ApiTokenScope[];
  expiresOn?: string;
}

/** Creates a bearer token and shows its secret this one time. */
export function CreateTokenModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateApiToken();

  async function submit(values: Values) {
    try {
      await create.mutateAsync({
        name: values.name.trim(),
        scopes: values.scopes,
        expiresAt: values.expiresOn ? dayBoundary(values.expiresOn, 'end') : undefined,
      });
    } catch (error) {
      applyFieldErrors(form, error);
    }
  }

  const created = create.data;
  return (
    <Modal
      open
      title={t('security.tokenCreate')}
      onCancel={onClose}
      mask={{ closable: false }}
      footer={
        <CreateModalFooter
          done={!!created}
          pending={create.isPending}
          submitLabel={t('common.create')}
          onSubmit={() => form.submit()}
          onClose={onClose}
        />
      }
    >
      {created ? (
        <>
          <Alert type="warning" showIcon title={t('security.tokenCreated')} className="form-alert" />
          <Typography.Paragraph copyable className="token-secret" data-testid="api-token-secret">
            {created.token}
          </Typography.Paragraph>
        </>
      ) : (
        <>
          {create.error ? (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={problemText(create.error, t)}
              className="form-alert"
            />
          ) : null}
          <Form<Values> form={form} name="api-token" layout="vertical" onFinish={(v) => void submit(v)}>
            <Form.Item
              label={t('security.tokenName')}
              name="name"
              rules={[{ required: true, whitespace: true, message: t('patientForm.required') }]}
            >
              <Input maxLength={80} />
            </Form.Item>
            <Form.Item
              label={t('security.scopes')}
              name="scopes"
              rules={[{ required: true, type: 'array', min: 1, message: t('security.scopesRequired') }]}
            >
              <Select
                mode="multiple"
                options={API_TOKEN_SCOPES.map((scope) => ({ value: scope, label: scope }))}
              />
            </Form.Item>
            <Form.Item label={t('security.expiresAt')} name="expiresOn">
              <Input type="date" min={new Date().toISOString().slice(0, 10)} />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
