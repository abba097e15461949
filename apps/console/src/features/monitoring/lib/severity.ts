import type { AlertSeverity, AlertStatus, BoardStatus } from '@careloop/contracts';

// Tag colours: antd presets (and the theme's status colours) whose text keeps 4.5:1 on the tag's tint. Every tag
// also says its meaning in words, so colour is never the only signal.
export const SEVERITY_COLORS: Record<AlertSeverity, string> = {
  urgent: 'red',
  warning: 'warning',
  info: 'blue',
};

export const ALERT_STATUS_COLORS: Record<AlertStatus, string> = {
  open: 'red',
  acknowledged: 'blue',
  resolved: 'success',
};

export const BOARD_STATUS_COLORS: Record<BoardStatus, string> = {
  urgent: 'red',
  warning: 'warning',
  'out-of-control': 'magenta',
  'missing-data': 'default',
  stable: 'success',
};

const SEVERITY_RANK: Record<AlertSeverity, number> = { urgent: 0, warning: 1, info: 2 };

export function bySeverity(a: AlertSeverity, b: AlertSeverity): number {
  return SEVERITY_RANK[a] - SEVERITY_RANK[b];
}
