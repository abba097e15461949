// Alert messages (zh-CN, en-US) for the care team, built from the rule and the state that made it fire.
import type { StateDetail } from './reading-states.ts';
import type {
  Comparison,
  MonitoringText,
  MonitoringMetric,
  MonitoringRule,
  ThresholdRule,
  ConsecutiveRule,
} from './monitoring-rules.types.ts';

const METRIC_LABELS: Readonly<Record<MonitoringMetric, MonitoringText & { unit: string }>> = {
  systolic: { 'zh-CN': '收缩压', 'en-US': 'Systolic BP', unit: 'mmHg' },
  diastolic: { 'zh-CN': '舒张压', 'en-US': 'Diastolic BP', unit: 'mmHg' },
  glucose: { 'zh-CN': '血糖', 'en-US': 'Glucose', unit: 'mmol/L' },
  weight: { 'zh-CN': '体重', 'en-US': 'Weight', unit: 'kg' },
  'heart-rate': { 'zh-CN': '心率', 'en-US': 'Heart rate', unit: 'bpm' },
  spo2: { 'zh-CN': '血氧饱和度', 'en-US': 'SpO2', unit: '%' },
};

const COMPARISON_WORDS: Readonly<Record<Comparison, MonitoringText>> = {
  below: { 'zh-CN': '低于', 'en-US': 'below' },
  'at-or-below': { 'zh-CN': '不高于', 'en-US': 'at or below' },
  above: { 'zh-CN': '高于', 'en-US': 'above' },
  'at-or-above': { 'zh-CN': '达到或超过', 'en-US': 'at or above' },
};

/** Two decimals at most: 3.89 stays 3.89 so it never reads as the 3.9 limit it is below. */
const num = (v: number): string => String(Math.round(v * 100) / 100);
/** Means and changes to one decimal: 149.7 mmHg, not 149.67. */
const mean = (v: number): string => String(Math.round(v * 10) / 10);

type LimitRule = ThresholdRule | ConsecutiveRule;

function limitParts(
  rule: LimitRule,
  detail: StateDetail,
): { label: MonitoringText; value: string; limit: string } {
  const m = METRIC_LABELS[rule.metric];
  const v: { value?: number; companionValue?: number } = detail.type === 'value' ? detail : {};
  if (rule.companion === undefined) {
    return { label: m, value: `${num(v.value ?? NaN)} ${m.unit}`, limit: `${num(rule.value)} ${m.unit}` };
  }
  const c = METRIC_LABELS[rule.companion.metric];
  const bp = rule.metric === 'systolic' && rule.companion.metric === 'diastolic';
  const label = bp
    ? { 'zh-CN': '血压', 'en-US': 'BP' }
    : { 'zh-CN': `${m['zh-CN']}/${c['zh-CN']}`, 'en-US': `${m['en-US']}/${c['en-US']}` };
  const show = (x: number | undefined): string => (x === undefined ? '-' : num(x));
  return {
    label,
    value: `${show(v.value)}/${show(v.companionValue)} ${m.unit}`,
    limit: `${num(rule.value)}/${num(rule.companion.value)} ${m.unit}`,
  };
}

export function alertMessage(rule: MonitoringRule, detail: StateDetail, runLength: number): MonitoringText {
  const m = METRIC_LABELS[rule.metric];
  switch (rule.kind) {
    case 'threshold': {
      const p = limitParts(rule, detail);
      const w = COMPARISON_WORDS[rule.comparison];
      return {
        'zh-CN': `${p.label['zh-CN']} ${p.value}，${w['zh-CN']} ${p.limit}`,
        'en-US': `${p.label['en-US']} ${p.value} is ${w['en-US']} ${p.limit}`,
      };
    }
    case 'consecutive': {
      const p = limitParts(rule, detail);
      const w = COMPARISON_WORDS[rule.comparison];
      return {
        'zh-CN': `连续 ${runLength} 次${p.label['zh-CN']}${w['zh-CN']} ${p.limit}（最近一次 ${p.value}）`,
        'en-US': `${runLength} readings in a row with ${p.label['en-US']} ${w['en-US']} ${p.limit} (latest ${p.value})`,
      };
    }
    case 'trend':
    case 'rate-of-change': {
      if (detail.type !== 'change') return { 'zh-CN': m['zh-CN'], 'en-US': m['en-US'] };
      const up = rule.direction === 'rise';
      const span = `${mean(detail.from)} → ${mean(detail.to)}`;
      const change = `${mean(detail.change)} ${m.unit}`;
      if (rule.kind === 'trend') {
        const d = rule.windowDays;
        return {
          'zh-CN': `近 ${d} 天${m['zh-CN']}平均值较前 ${d} 天${up ? '上升' : '下降'} ${change}（${span}）`,
          'en-US': `Mean ${m['en-US']} over the last ${d} days ${up ? 'rose' : 'fell'} by ${change} on the ${d} days before (${span})`,
        };
      }
      return {
        'zh-CN': `${m['zh-CN']}在 ${rule.withinDays} 天内${up ? '上升' : '下降'} ${change}（${span}）`,
        'en-US': `${m['en-US']} ${up ? 'rose' : 'fell'} by ${change} within ${rule.withinDays} days (${span})`,
      };
    }
    case 'missing-data':
      return {
        'zh-CN': `已连续 ${runLength} 天没有${m['zh-CN']}记录`,
        'en-US': `No ${m['en-US']} reading for ${runLength} days`,
      };
  }
}
