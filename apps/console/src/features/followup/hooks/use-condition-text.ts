import type { FollowUpRule, ObservationFlagCode } from '@careloop/contracts';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { displayUnit, flagArrow } from '../../checkups/lib/checkup-format';
import { formatCondition } from '../lib/rule-condition';

/** A rule's condition in words of the UI language: "6.1 ≤ 空腹血糖 < 7.0 mmol/L · 标记为 ↑↑ 危急偏高". */
export function useConditionText() {
  const { t } = useTranslation();
  return useCallback(
    (condition: FollowUpRule['condition'], itemName: string, unit: string | null) =>
      formatCondition(condition, itemName, unit === null ? null : displayUnit(unit), {
        flagName: (flag: ObservationFlagCode) =>
          `${flagArrow(flag)} ${t(`checkupReport.flags.${flag}`)}`.trim(),
        flagsClause: (flags) => t('followUpRules.flagsClause', { flags }),
        separator: t('followUpRules.flagSeparator'),
      }),
    [t],
  );
}
