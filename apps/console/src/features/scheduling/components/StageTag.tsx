import { useTranslation } from 'react-i18next';
import { ToneTag, type Tone } from '../../records/components/ToneTag';
import '../../records/records.css';
import type { VisitStage } from '../lib/schedule';

const TONES: Record<VisitStage, Tone> = {
  booked: 'blue',
  checked_in: 'cyan',
  called: 'gold',
  in_consultation: 'purple',
  skipped: 'orange',
  done: 'green',
  no_show: 'red',
  cancelled: 'default',
};

/** Where a visit stands, in words (the colour is never the only signal), in AA-contrast tones. */
export function StageTag({ stage }: { stage: VisitStage }) {
  const { t } = useTranslation();
  return (
    <span data-testid="visit-stage" data-stage={stage}>
      <ToneTag tone={TONES[stage]}>{t(`scheduling.stages.${stage}`)}</ToneTag>
    </span>
  );
}
