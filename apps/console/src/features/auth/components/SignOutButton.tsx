import { LogoutOutlined } from '@ant-design/icons';
import { Button, type ButtonProps } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { authApi } from '../api/auth-api';
import { ME_KEY } from '../hooks/use-me';

/** Ends the session and forgets everything cached for it. */
export function SignOutButton({ label, ...props }: ButtonProps & { label?: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  async function signOut() {
    try {
      await authApi.logout();
    } finally {
      queryClient.clear();
      queryClient.setQueryData(ME_KEY, null);
      await navigate('/login', { replace: true });
    }
  }

  return (
    <Button icon={<LogoutOutlined aria-hidden />} {...props} onClick={() => void signOut()}>
      {label ?? t('auth.signOut')}
    </Button>
  );
}
