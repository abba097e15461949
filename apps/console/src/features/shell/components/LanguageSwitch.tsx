import { GlobalOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage, type Language } from '../../../i18n';
import { problemText } from '../../../lib/problems';
import { authApi } from '../../auth/api/auth-api';
import { useMe, useSetMe } from '../../auth/hooks/use-me';

/** Switches between Chinese and English; a signed-in person's choice is saved to their account. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const setMe = useSetMe();
  const next: Language = currentLanguage() === 'zh-CN' ? 'en-US' : 'zh-CN';

  async function switchLanguage() {
    // Saved first, then shown: otherwise a refetch of the account could still carry the old choice back.
    if (me) {
      try {
        setMe(await authApi.setLocale(next));
      } catch (error) {
        void message.error(problemText(error, t));
      }
    }
    await i18n.changeLanguage(next);
  }

  return (
    <Button
      data-testid="lang-switch"
      icon={<GlobalOutlined aria-hidden />}
      onClick={() => void switchLanguage()}
    >
      <span className="visually-hidden">{t('lang.label')}: </span>
      <span lang={next}>{t(`lang.${next}`)}</span>
    </Button>
  );
}
