import type { LifestyleAssessment } from '@careloop/contracts';
import { Descriptions, type DescriptionsProps } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDay, formatNumber } from '../lib/format';
import { RecordCard, RecordEmpty } from './RecordCard';
import { SourceTag } from './SourceTag';

/** The latest lifestyle assessment as label/value rows (what is not assessed is left out). */
export function lifestyleItems(
  lifestyle: LifestyleAssessment,
  t: TFunction,
  language: string,
): NonNullable<DescriptionsProps['items']> {
  const items: NonNullable<DescriptionsProps['items']> = [];
  if (lifestyle.smoking) {
    const perDay =
      lifestyle.smoking === 'current' && lifestyle.cigarettesPerDay !== null
        ? ` · ${t('record.lifestyleFields.perDay', { count: lifestyle.cigarettesPerDay })}`
        : '';
    items.push({
      key: 'smoking',
      label: t('record.lifestyleFields.smoking'),
      children: `${t(`record.smoking.${lifestyle.smoking}`)}${perDay}`,
    });
  }
  if (lifestyle.alcohol)
    items.push({
      key: 'alcohol',
      label: t('record.lifestyleFields.alcohol'),
      children: t(`record.alcohol.${lifestyle.alcohol}`),
    });
  if (lifestyle.activityMinutesPerWeek !== null)
    items.push({
      key: 'activity',
      label: t('record.lifestyleFields.activity'),
      children: t('record.lifestyleFields.minutesPerWeek', { count: lifestyle.activityMinutesPerWeek }),
    });
  if (lifestyle.sleepHours !== null)
    items.push({
      key: 'sleep',
      label: t('record.lifestyleFields.sleepHours'),
      children: t('record.lifestyleFields.hours', { hours: formatNumber(lifestyle.sleepHours, language) }),
    });
  if (lifestyle.diet)
    items.push({ key: 'diet', label: t('record.lifestyleFields.diet'), children: lifestyle.diet });
  if (lifestyle.note)
    items.push({ key: 'note', label: t('record.lifestyleFields.note'), children: lifestyle.note });
  return items;
}

export function SummaryLifestyleCard({ lifestyle }: { lifestyle: LifestyleAssessment | null }) {
  const { t, i18n } = useTranslation();
  return (
    <RecordCard title={t('record.summary.lifestyle')} testId="summary-lifestyle">
      {!lifestyle ? (
        <RecordEmpty text={t('record.summary.noLifestyle')} />
      ) : (
        <>
          <Descriptions size="small" column={1} items={lifestyleItems(lifestyle, t, i18n.language)} />
          <div className="record-list__meta">
            <span>{formatDay(lifestyle.assessedAt, i18n.language)}</span>
            <SourceTag
              source={lifestyle.source}
              sourceOrg={lifestyle.sourceOrg}
              recordedBy={lifestyle.recordedBy?.name}
            />
          </div>
        </>
      )}
    </RecordCard>
  );
}
