import type { SafetyFinding } from '@careloop/contracts';
import { Alert, Space } from 'antd';
import { useTranslation } from 'react-i18next';

/** Safety findings, critical ones in red and warnings in orange, each with what it is based on. */
export function FindingList({ findings }: { findings: readonly SafetyFinding[] }) {
  const { t, i18n } = useTranslation();
  const zh = i18n.language.startsWith('zh');
  if (findings.length === 0) return null;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="rx-findings">
      {findings.map((f) => (
        <Alert
          key={f.key}
          type={f.level === 'critical' ? 'error' : 'warning'}
          showIcon
          data-testid={`rx-finding-${f.kind}`}
          data-level={f.level}
          message={
            <span>
              <strong>
                {t(`pharmacy.finding.kind.${f.kind}`)} · {t(`pharmacy.finding.${f.level}`)}
              </strong>
              {': '}
              {zh ? f.zh : f.en}
            </span>
          }
          description={<small>{t('pharmacy.finding.source', { source: f.source })}</small>}
        />
      ))}
    </Space>
  );
}
