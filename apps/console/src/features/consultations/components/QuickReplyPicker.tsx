import { ThunderboltOutlined } from '@ant-design/icons';
import { Button, Popover } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuickReplies } from '../hooks/use-consultations';
import { QuickReplyManager } from './QuickReplyManager';

/** The doctor's quick replies and the organization's templates; picking one puts its text into the draft. */
export function QuickReplyPicker({ onPick }: { onPick: (body: string) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [managing, setManaging] = useState(false);
  const replies = useQuickReplies();
  const items = [...(replies.data ?? [])].sort((a, b) => a.sort - b.sort || a.title.localeCompare(b.title));

  const content = (
    <div className="consult-quick" data-testid="consult-quick-list">
      {replies.isPending ? (
        <p className="muted">{t('consult.queue.loading')}</p>
      ) : items.length === 0 ? (
        <p className="muted">{t('consult.quick.empty')}</p>
      ) : (
        <ul className="consult-quick__list">
          {items.map((reply) => (
            <li key={reply.id}>
              <button
                type="button"
                className="consult-quick__item"
                onClick={() => {
                  onPick(reply.body);
                  setOpen(false);
                }}
                data-testid="consult-quick-item"
              >
                <span className="consult-quick__title">
                  {reply.title}
                  {reply.shared ? <span className="muted"> · {t('consult.quick.shared')}</span> : null}
                </span>
                <span className="consult-quick__body">{reply.body}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <Button
        type="link"
        onClick={() => {
          setOpen(false);
          setManaging(true);
        }}
        data-testid="consult-quick-manage"
      >
        {t('consult.quick.manage')}
      </Button>
    </div>
  );

  return (
    <>
      <Popover
        open={open}
        onOpenChange={setOpen}
        trigger="click"
        placement="topLeft"
        title={t('consult.quick.title')}
        content={content}
      >
        <Button icon={<ThunderboltOutlined aria-hidden />} aria-expanded={open} data-testid="consult-quick">
          {t('consult.quick.button')}
        </Button>
      </Popover>
      {managing ? <QuickReplyManager onClose={() => setManaging(false)} /> : null}
    </>
  );
}
