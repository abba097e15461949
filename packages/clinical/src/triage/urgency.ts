import type { RedFlagRule, SymptomDef, TriageFacts, TriageUrgencyLevel } from './triage.types.ts';
import { TRIAGE_SOURCES } from './red-flags.ts';

// Urgency when no red flag fired. Sourced rules: NICE NG143 amber signs in children (age 3-6 months with a
// temperature of 39 °C or more; fever for 5 days or more). The rest are CareLoop's stated heuristics, each
// erring upwards: the most urgent present symptom's base level; severe -> one level up; the very young
// (< 1 year) and old (>= 75) never get self-care; symptoms lasting 2 weeks or more get a routine appointment
// rather than self-care, and so do complaints that keep coming back. Red flags (emergency) are decided in red-flags.ts and override all of this.

const ORDER: TriageUrgencyLevel[] = ['self_care', 'routine', 'within_24h', 'emergency'];
const up = (a: TriageUrgencyLevel, b: TriageUrgencyLevel) => (ORDER.indexOf(a) >= ORDER.indexOf(b) ? a : b);
const bump = (a: TriageUrgencyLevel): TriageUrgencyLevel =>
  a === 'emergency' ? a : (ORDER[Math.min(ORDER.indexOf(a) + 1, 2)] ?? a);

export interface UrgencyDecision {
  level: TriageUrgencyLevel;
  reason: { zh: string; en: string };
}

export function decideUrgency(
  facts: TriageFacts,
  fired: readonly RedFlagRule[],
  symptoms: readonly SymptomDef[],
): UrgencyDecision {
  if (fired.length > 0) {
    return {
      level: 'emergency',
      reason: {
        zh: `危险信号：${fired.map((r) => r.labelZh).join('；')}`,
        en: `Red flag: ${fired.map((r) => r.labelEn).join('; ')}`,
      },
    };
  }
  const present = symptoms.filter((s) => facts.symptoms[s.id] === true);
  let level: TriageUrgencyLevel = 'self_care';
  let driver: SymptomDef | undefined;
  for (const s of present) {
    if (ORDER.indexOf(s.baseUrgency) > ORDER.indexOf(level) || !driver) {
      level = up(level, s.baseUrgency);
      if (s.baseUrgency === level) driver = s;
    }
  }
  const reasons: { zh: string; en: string }[] = [];
  if (driver) reasons.push({ zh: `症状：${driver.nameZh}`, en: `Symptom: ${driver.nameEn}` });
  const age = facts.ageYears;
  const fever = facts.symptoms['fever'] === true || (facts.temperatureC ?? 0) >= 38;
  if (age !== undefined && age >= 0.25 && age < 0.5 && (facts.temperatureC ?? 0) >= 39) {
    level = up(level, 'within_24h');
    reasons.push({
      zh: '3-6个月婴儿体温≥39℃（NICE NG143）',
      en: `Baby 3-6 months with 39 °C or more (${TRIAGE_SOURCES.feverUnder5})`,
    });
  }
  if (age !== undefined && age < 5 && fever && (facts.durationHours ?? 0) >= 24 * 5) {
    level = up(level, 'within_24h');
    reasons.push({
      zh: '儿童发热5天及以上（NICE NG143）',
      en: `Child with fever for 5 days or more (${TRIAGE_SOURCES.feverUnder5})`,
    });
  }
  if (facts.severity === 'severe' && present.length > 0) {
    level = bump(level);
    reasons.push({ zh: '症状严重', en: 'Severe symptoms' });
  }
  if (level === 'self_care' && age !== undefined && (age < 1 || age >= 75) && present.length > 0) {
    level = 'routine';
    reasons.push({ zh: age < 1 ? '婴儿' : '高龄', en: age < 1 ? 'Infant' : 'Older age' });
  }
  if (level === 'self_care' && facts.recurrent === true && present.length > 0) {
    level = 'routine';
    reasons.push({ zh: '症状反复发作', en: 'Keeps coming back' });
  }
  if (level === 'self_care' && (facts.durationHours ?? 0) >= 24 * 14) {
    level = 'routine';
    reasons.push({ zh: '症状持续两周以上', en: 'Lasting two weeks or more' });
  }
  if (reasons.length === 0) reasons.push({ zh: '未发现危险信号', en: 'No red flags found' });
  return {
    level,
    reason: { zh: reasons.map((r) => r.zh).join('；'), en: reasons.map((r) => r.en).join('; ') },
  };
}
