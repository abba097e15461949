import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { TIMELINE_KINDS, type TimelineKind } from '../lib/record-types';

interface Props {
  selected: readonly TimelineKind[];
  onChange: (kinds: TimelineKind[]) => void;
}

/** Chips that toggle kinds on and off (several at once); "All" clears the filter. Buttons with aria-pressed. */
export function TimelineFilter({ selected, onChange }: Props) {
  const { t } = useTranslation();
  const toggle = (kind: TimelineKind) =>
    onChange(
      selected.includes(kind)
        ? selected.filter((k) => k !== kind)
        : TIMELINE_KINDS.filter((k) => k === kind || selected.includes(k)),
    );
  return (
    <div className="timeline-filter" role="group" aria-label={t('record.timeline.filter')}>
      <Button
        size="small"
        shape="round"
        type={selected.length === 0 ? 'primary' : 'default'}
        aria-pressed={selected.length === 0}
        onClick={() => onChange([])}
        data-testid="timeline-kind-all"
      >
        {t('record.timeline.all')}
      </Button>
      {TIMELINE_KINDS.map((kind) => {
        const on = selected.includes(kind);
        return (
          <Button
            key={kind}
            size="small"
            shape="round"
            type={on ? 'primary' : 'default'}
            aria-pressed={on}
            onClick={() => toggle(kind)}
            data-testid={`timeline-kind-${kind}`}
          >
            {t(`record.timeline.kinds.${kind}`)}
          </Button>
        );
      })}
    </div>
  );
}
