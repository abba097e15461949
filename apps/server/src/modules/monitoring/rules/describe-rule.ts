import type { MonitoringMetric, MonitoringRule } from '@careloop/clinical';
import type { Language } from '../../../platform/http/language.ts';

const NAMES: Readonly<Record<MonitoringMetric, { zh: string; en: string; unit: string }>> = {
  systolic: { zh: '收缩压', en: 'systolic', unit: 'mmHg' },
  diastolic: { zh: '舒张压', en: 'diastolic', unit: 'mmHg' },
  glucose: { zh: '血糖', en: 'glucose', unit: 'mmol/L' },
  weight: { zh: '体重', en: 'weight', unit: 'kg' },
  'heart-rate': { zh: '心率', en: 'heart rate', unit: '/min' },
  spo2: { zh: '血氧', en: 'SpO2', unit: '%' },
};
const SIGN = { below: '<', 'at-or-below': '≤', above: '>', 'at-or-above': '≥' } as const;

/** One line saying when the rule fires, in the caller's language. */
export function describeRule(rule: MonitoringRule, language: Language): string {
  const zh = language === 'zh-CN';
  const n = NAMES[rule.metric];
  const name = zh ? n.zh : n.en;
  switch (rule.kind) {
    case 'threshold':
    case 'consecutive': {
      let text = `${name} ${SIGN[rule.comparison]} ${rule.value}`;
      if (rule.companion) {
        const c = NAMES[rule.companion.metric];
        text += `${zh ? ' 或 ' : ' or '}${zh ? c.zh : c.en} ${SIGN[rule.comparison]} ${rule.companion.value}`;
      }
      text += ` ${n.unit}`;
      if (rule.kind === 'consecutive')
        text += zh ? `，连续 ${rule.count} 次` : `, ${rule.count} readings in a row`;
      return text;
    }
    case 'trend':
      return zh
        ? `${name} ${rule.windowDays} 天均值较前 ${rule.windowDays} 天${rule.direction === 'rise' ? '升高' : '下降'} ≥ ${rule.minChange} ${n.unit}`
        : `${rule.windowDays}-day mean ${name} ${rule.direction === 'rise' ? 'up' : 'down'} by ≥ ${rule.minChange} ${n.unit} on the ${rule.windowDays} days before`;
    case 'rate-of-change':
      return zh
        ? `${name} ${rule.withinDays} 天内${rule.direction === 'rise' ? '上升' : '下降'} ≥ ${rule.minChange} ${n.unit}`
        : `${name} ${rule.direction === 'rise' ? 'rises' : 'falls'} by ≥ ${rule.minChange} ${n.unit} within ${rule.withinDays} days`;
    case 'missing-data':
      return zh
        ? `${rule.days} 天没有${name}读数（监测计划内）`
        : `No ${name} reading for ${rule.days} days (on a plan)`;
  }
}
