import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../../lib/problems';
import { useVerifyAuditChain } from '../hooks/use-audit';

/** Re-computes the audit hash chain on the server and says whether it holds, or where it first breaks. */
export function VerifyChain() {
  const { t } = useTranslation();
  const verify = useVerifyAuditChain();
  const result = verify.data;

  return (
    <div className="verify-chain">
      <Button
        icon={<SafetyCertificateOutlined aria-hidden />}
        loading={verify.isPending}
        onClick={() => verify.mutate()}
        data-testid="audit-verify"
      >
        {t('audit.verify')}
      </Button>
      <div aria-live="polite" data-testid="audit-verify-result">
        {verify.error ? <Alert type="error" showIcon title={problemText(verify.error, t)} /> : null}
        {result ? (
          <Alert
            type={result.ok ? 'success' : 'error'}
            showIcon
            title={
              result.ok
                ? t('audit.verifyOk', {
                    blocks: result.blocksChecked,
                    entries: result.entriesChecked,
                    unsealed: result.unsealedEntries,
                  })
                : t('audit.verifyBroken', { block: result.firstBrokenBlock ?? '?' })
            }
          />
        ) : null}
      </div>
    </div>
  );
}
