import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RecordSource } from '../lib/record-types';
import { ToneTag, type Tone } from './ToneTag';

const COLORS: Record<RecordSource, Tone> = {
  lab: 'blue',
  checkup: 'cyan',
  device: 'purple',
  self: 'gold',
  clinician: 'green',
  import: 'default',
};

interface Props {
  source: RecordSource;
  sourceOrg?: string | null;
  recordedBy?: string | null;
}

/** Where an entry came from (自述 / Self-reported, 体检 / Checkup ...), with the organization and who recorded it. */
export function SourceTag({ source, sourceOrg, recordedBy }: Props) {
  const { t } = useTranslation();
  const by = recordedBy ? t('record.sourceBy', { who: recordedBy }) : null;
  const tag = (
    <ToneTag tone={COLORS[source]} className="record-source" data-source={source}>
      {t(`record.sources.${source}`)}
      {sourceOrg ? <span className="record-source__org"> · {sourceOrg}</span> : null}
    </ToneTag>
  );
  return by ? (
    <Tooltip title={by}>
      <span className="record-source__wrap">
        {tag}
        <span className="visually-hidden">{by}</span>
      </span>
    </Tooltip>
  ) : (
    tag
  );
}
