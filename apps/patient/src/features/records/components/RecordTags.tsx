import type { RecordSource } from '@careloop/contracts';
import { Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { flagArrow, flagTone, isAbnormalFlag, type Flag } from '../lib/flags.ts';

/** The flag in words with an arrow (偏高 ↑ / High ↑), so colour is never the only signal. Normal shows nothing
 *  unless `showNormal`. */
export function FlagTag({
  flag,
  showNormal = false,
}: {
  flag: Flag | null | undefined;
  showNormal?: boolean;
}) {
  const { t } = useTranslation();
  if (!flag || (!isAbnormalFlag(flag) && !showNormal)) return null;
  const arrow = flagArrow(flag);
  return (
    <Tag color={flagTone(flag)} fill="solid" className="flag-tag" data-testid="flag-tag" data-flag={flag}>
      {arrow && <span aria-hidden="true">{arrow} </span>}
      {t(`flag.${flag}`)}
    </Tag>
  );
}

const SOURCE_COLOR: Record<RecordSource, 'primary' | 'success' | 'warning' | 'default'> = {
  self: 'warning',
  checkup: 'primary',
  clinician: 'success',
  lab: 'success',
  device: 'default',
  import: 'default',
};

/** Where an entry came from: 自述 Self-reported, 体检 Checkup, 医院 Clinician, 设备 Device... */
export function SourceTag({ source, org }: { source: RecordSource; org?: string | null }) {
  const { t } = useTranslation();
  return (
    <Tag
      color={SOURCE_COLOR[source]}
      fill="outline"
      className="source-tag"
      data-testid="source-tag"
      data-source={source}
    >
      <span className="sr-only">{t('source.label')}: </span>
      {t(`source.${source}`)}
      {org ? ` · ${org}` : ''}
    </Tag>
  );
}
