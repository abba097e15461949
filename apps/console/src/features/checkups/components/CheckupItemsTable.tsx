import type { CheckupChange, CheckupItem } from '@careloop/contracts';
import { Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../../followup/lib/due';
import {
  displayUnit,
  flagArrow,
  formatRange,
  formatValue,
  isAbnormal,
  isCritical,
} from '../lib/checkup-format';
import { ItemExplanation } from './ItemExplanation';

const CHANGE_COLORS: Record<CheckupChange, string> = {
  better: 'success',
  worse: 'red',
  unchanged: 'default',
  new: 'warning',
  resolved: 'success',
};

const rowProps = (item: CheckupItem) =>
  ({
    'data-testid': 'checkup-item',
    'data-code': item.code,
    'data-flag': item.flag ?? '',
  }) as HTMLAttributes<HTMLElement>;

/** The flag in arrow and words (↑ 偏高), so it never rests on colour alone. */
export function FlagText({ item }: { item: CheckupItem }) {
  const { t } = useTranslation();
  if (!item.flag || !isAbnormal(item.flag)) return null;
  const words = item.explanation?.flagText ?? t(`checkupReport.flags.${item.flag}`);
  return (
    <Typography.Text
      type="danger"
      strong={isCritical(item.flag)}
      className="checkup-flag"
      data-testid="item-flag"
    >
      {flagArrow(item.flag)} {words}
    </Typography.Text>
  );
}

function Comparison({ item }: { item: CheckupItem }) {
  const { t, i18n } = useTranslation();
  const comparison = item.comparison;
  if (!comparison) return <Typography.Text type="secondary">{t('checkupReport.noPrevious')}</Typography.Text>;
  const previous =
    comparison.previousValue !== null
      ? t('checkupReport.previousValue', {
          value:
            item.unit && /^-?\d+(\.\d+)?$/.test(comparison.previousValue)
              ? `${comparison.previousValue} ${displayUnit(item.unit)}`
              : comparison.previousValue,
          date: formatDay(comparison.previousAt, i18n.language),
        })
      : null;
  return (
    <span className="checkup-comparison" data-testid="item-comparison" data-change={comparison.change}>
      <Tag color={CHANGE_COLORS[comparison.change]}>{t(`checkupReport.change.${comparison.change}`)}</Tag>
      {previous ? <Typography.Text type="secondary">{previous}</Typography.Text> : null}
    </span>
  );
}

/**
 * Items of a report: result with its flag, the reference range, how it compares with the previous checkup,
 * and for abnormal items the plain-language explanation in an expandable row.
 */
export function CheckupItemsTable({
  items,
  expandCritical = false,
}: {
  items: CheckupItem[];
  expandCritical?: boolean;
}) {
  const { t } = useTranslation();
  const columns: TableColumnsType<CheckupItem> = [
    {
      title: t('checkupReport.item'),
      key: 'name',
      render: (_, item) => (
        <span className="checkup-item__name">
          <Typography.Text strong={isAbnormal(item.flag)}>{item.name}</Typography.Text>
          {item.localName && item.localName !== item.name ? (
            <Typography.Text type="secondary">{item.localName}</Typography.Text>
          ) : null}
          {item.codeSystem === 'local' ? <Tag>{t('checkupReport.unmapped')}</Tag> : null}
        </span>
      ),
    },
    {
      title: t('checkupReport.result'),
      key: 'result',
      width: 220,
      render: (_, item) => (
        <span className="checkup-item__result">
          <span className="checkup-item__value">{formatValue(item)}</span> <FlagText item={item} />
        </span>
      ),
    },
    {
      title: t('checkupReport.reference'),
      key: 'reference',
      width: 180,
      render: (_, item) => formatRange(item),
    },
    {
      title: t('checkupReport.comparison'),
      key: 'comparison',
      width: 260,
      render: (_, item) => <Comparison item={item} />,
    },
  ];

  return (
    <Table<CheckupItem>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={items}
      pagination={false}
      onRow={rowProps}
      // Only tables with explanations get the expand column; the normal items have nothing to unfold.
      expandable={
        items.some((item) => item.explanation !== undefined)
          ? {
              rowExpandable: (item) => item.explanation !== undefined,
              expandedRowRender: (item) =>
                item.explanation ? <ItemExplanation explanation={item.explanation} /> : null,
              defaultExpandedRowKeys: expandCritical
                ? items.filter((i) => isCritical(i.flag)).map((i) => i.id)
                : [],
            }
          : undefined
      }
      locale={{ emptyText: t('checkupReport.noItems') }}
    />
  );
}
