import {
  CheckCircleOutlined,
  ExclamationCircleOutlined,
  InfoCircleOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import type { AlertSeverity, AlertStatus, BoardStatus } from '@careloop/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { ALERT_STATUS_COLORS, BOARD_STATUS_COLORS, SEVERITY_COLORS } from '../lib/severity';

const SEVERITY_ICONS: Record<AlertSeverity, typeof WarningOutlined> = {
  urgent: ExclamationCircleOutlined,
  warning: WarningOutlined,
  info: InfoCircleOutlined,
};

/** Severity in colour, icon and word: "紧急" in red with an exclamation mark. */
export function SeverityTag({ severity }: { severity: AlertSeverity }) {
  const { t } = useTranslation();
  const Icon = SEVERITY_ICONS[severity];
  return (
    <Tag color={SEVERITY_COLORS[severity]} icon={<Icon aria-hidden />} data-severity={severity}>
      {t(`monitoring.severity.${severity}`)}
    </Tag>
  );
}

export function AlertStatusTag({ status }: { status: AlertStatus }) {
  const { t } = useTranslation();
  return (
    <Tag
      color={ALERT_STATUS_COLORS[status]}
      icon={status === 'resolved' ? <CheckCircleOutlined aria-hidden /> : undefined}
      data-status={status}
    >
      {t(`monitoring.alertStatus.${status}`)}
    </Tag>
  );
}

export function BoardStatusTag({ status }: { status: BoardStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={BOARD_STATUS_COLORS[status]} data-status={status}>
      {t(`monitoring.boardStatus.${status}`)}
    </Tag>
  );
}
