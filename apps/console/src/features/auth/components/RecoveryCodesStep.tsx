import { CopyOutlined } from '@ant-design/icons';
import { App, Alert, Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AuthFrame } from '../../../components/AuthFrame';

/** The recovery codes, shown exactly once, right after MFA is turned on. */
export function RecoveryCodesStep({ codes, onDone }: { codes: string[]; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [leaving, setLeaving] = useState(false);

  async function copyAll() {
    try {
      await navigator.clipboard.writeText(codes.join('\n'));
      void message.success(t('common.copied'));
    } catch {
      void message.error(t('errors.unknown'));
    }
  }

  async function done() {
    setLeaving(true);
    try {
      await onDone();
    } finally {
      setLeaving(false);
    }
  }

  return (
    <AuthFrame title={t('mfa.recoveryTitle')}>
      <Alert type="warning" showIcon title={t('mfa.recoveryIntro')} className="form-alert" />
      <ul className="recovery-codes" data-testid="recovery-codes" aria-label={t('mfa.recoveryListLabel')}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <Space orientation="vertical" className="full-width">
        <Button block icon={<CopyOutlined aria-hidden />} onClick={() => void copyAll()}>
          {t('mfa.copyAll')}
        </Button>
        <Button
          type="primary"
          block
          loading={leaving}
          onClick={() => void done()}
          data-testid="recovery-done"
        >
          {t('mfa.saved')}
        </Button>
      </Space>
    </AuthFrame>
  );
}
