import type { QuickReply } from '@careloop/contracts';
import { App, Button, Form, Input, Modal, Popconfirm } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../../lib/problems';
import { useQuickReplies, useQuickReplyChange } from '../hooks/use-consultations';

interface Values {
  title: string;
  body: string;
}

/** The doctor's own quick replies: add, change, remove. Organization templates are listed but not editable here. */
export function QuickReplyManager({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const replies = useQuickReplies();
  const change = useQuickReplyChange();
  const [editing, setEditing] = useState<QuickReply | null>(null);
  const [form] = Form.useForm<Values>();
  const own = (replies.data ?? []).filter((r) => !r.shared);

  function save(values: Values) {
    const body = { title: values.title.trim(), body: values.body.trim(), shared: false };
    change.mutate(editing ? { kind: 'update', id: editing.id, body } : { kind: 'create', body }, {
      onSuccess: () => {
        void message.success(t('common.saved'));
        setEditing(null);
        form.resetFields();
      },
      onError: (error) => void message.error(problemText(error, t)),
    });
  }

  return (
    <Modal
      open
      title={t('consult.quick.manage')}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      width={560}
    >
      {own.length === 0 ? <p className="muted">{t('consult.quick.noneOwn')}</p> : null}
      <ul className="consult-quick__own" data-testid="consult-quick-own">
        {own.map((reply) => (
          <li key={reply.id} className="consult-quick__own-item">
            <div>
              <strong>{reply.title}</strong>
              <p className="consult-quick__body">{reply.body}</p>
            </div>
            <span>
              <Button
                size="small"
                type="link"
                onClick={() => {
                  setEditing(reply);
                  form.setFieldsValue({ title: reply.title, body: reply.body });
                }}
              >
                {t('common.edit')}
              </Button>
              <Popconfirm
                title={t('consult.quick.deleteConfirm', { title: reply.title })}
                onConfirm={() => change.mutate({ kind: 'delete', id: reply.id })}
                okText={t('common.remove')}
                cancelText={t('common.cancel')}
              >
                <Button size="small" type="link" danger>
                  {t('common.remove')}
                </Button>
              </Popconfirm>
            </span>
          </li>
        ))}
      </ul>
      <h3 className="card-heading">{editing ? t('consult.quick.edit') : t('consult.quick.add')}</h3>
      <Form<Values> form={form} layout="vertical" onFinish={save} name="quick-reply">
        <Form.Item
          name="title"
          label={t('consult.quick.titleField')}
          rules={[{ required: true, whitespace: true, max: 60, message: t('consult.quick.titleRequired') }]}
        >
          <Input maxLength={60} data-testid="consult-quick-title" />
        </Form.Item>
        <Form.Item
          name="body"
          label={t('consult.quick.bodyField')}
          rules={[{ required: true, whitespace: true, max: 1000, message: t('consult.quick.bodyRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount data-testid="consult-quick-body" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={change.isPending} data-testid="consult-quick-save">
          {t('common.save')}
        </Button>
        {editing ? (
          <Button
            type="text"
            onClick={() => {
              setEditing(null);
              form.resetFields();
            }}
          >
            {t('common.cancel')}
          </Button>
        ) : null}
      </Form>
    </Modal>
  );
}
