import { Card, Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../../components/PageTitle';
import { useStaffMe } from '../../auth/hooks/use-me';
import { ApiTokensCard } from './ApiTokensCard';
import { ChangePasswordCard } from './ChangePasswordCard';
import { SessionsCard } from './SessionsCard';

export function SecurityPage() {
  const { t } = useTranslation();
  const me = useStaffMe();
  return (
    <>
      <PageTitle>{t('security.title')}</PageTitle>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={<h2 className="card-heading">{t('security.mfaTitle')}</h2>}>
            <Typography.Paragraph data-testid="mfa-status">
              {me.mfaEnabled ? t('security.mfaOn') : t('security.mfaOff')}
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <ChangePasswordCard />
        </Col>
        <Col span={24}>
          <SessionsCard />
        </Col>
        {me.kind === 'staff' ? (
          <Col span={24}>
            <ApiTokensCard />
          </Col>
        ) : null}
      </Row>
    </>
  );
}
