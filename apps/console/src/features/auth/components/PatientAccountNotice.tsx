import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { AuthFrame } from '../../../components/AuthFrame';
import { SignOutButton } from './SignOutButton';

/** A patient signed in here by mistake: the console is for staff; the patient app lives at `/`. */
export function PatientAccountNotice() {
  const { t } = useTranslation();
  return (
    <AuthFrame title={t('auth.patientTitle')}>
      <Result
        status="info"
        subTitle={t('auth.patientDetail')}
        extra={[
          <Button key="app" type="primary" href="/">
            {t('auth.patientLink')}
          </Button>,
          <SignOutButton key="out" />,
        ]}
      />
    </AuthFrame>
  );
}
