import type { ObservationFlagCode } from './record-types';

// How an abnormal flag is shown: an arrow and a word as well as a colour, so colour is never the only signal
// (WCAG 1.4.1). Colours have at least 4.5:1 on white (text) and 3:1 (chart symbols).
export const HIGH_COLOR = '#c41d1f';
export const LOW_COLOR = '#ad5b00';
export const NORMAL_COLOR = '#0b5cd5';

export type FlagTone = 'normal' | 'high' | 'low' | 'critical' | 'abnormal';

export interface FlagView {
  tone: FlagTone;
  /** ↑ ↓ ↑↑ ↓↓ or ! ; empty for normal. */
  arrow: string;
  /** The i18n key of the flag's word (record.flags.H ...). */
  labelKey: `record.flags.${ObservationFlagCode}`;
  abnormal: boolean;
  critical: boolean;
  direction: 'up' | 'down' | 'none';
}

const VIEWS: Record<ObservationFlagCode, Omit<FlagView, 'labelKey'>> = {
  N: { tone: 'normal', arrow: '', abnormal: false, critical: false, direction: 'none' },
  H: { tone: 'high', arrow: '↑', abnormal: true, critical: false, direction: 'up' },
  L: { tone: 'low', arrow: '↓', abnormal: true, critical: false, direction: 'down' },
  HH: { tone: 'critical', arrow: '↑↑', abnormal: true, critical: true, direction: 'up' },
  LL: { tone: 'critical', arrow: '↓↓', abnormal: true, critical: true, direction: 'down' },
  A: { tone: 'abnormal', arrow: '!', abnormal: true, critical: false, direction: 'none' },
};

export function flagView(flag: ObservationFlagCode | null | undefined): FlagView | null {
  if (!flag) return null;
  return { ...VIEWS[flag], labelKey: `record.flags.${flag}` };
}

export function isAbnormalFlag(flag: ObservationFlagCode | null | undefined): boolean {
  return !!flag && VIEWS[flag].abnormal;
}

/** The colour of a flagged value: red up (and critical), orange down. */
export function flagColor(flag: ObservationFlagCode | null | undefined): string {
  const view = flag ? VIEWS[flag] : null;
  if (!view || !view.abnormal) return NORMAL_COLOR;
  return view.direction === 'down' && !view.critical ? LOW_COLOR : HIGH_COLOR;
}
