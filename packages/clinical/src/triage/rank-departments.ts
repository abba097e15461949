import type { DepartmentScore, SymptomDef, TriageFacts } from './triage.types.ts';

// Department ranking: the knowledge-base weights of the present symptoms, summed per department and normalised
// to a distribution; blended with the org's classifier when it has one. Children under 14 go to pediatrics
// (the usual pediatric outpatient age in Chinese hospitals: a routing convention, not a clinical rule); men are
// not sent to obstetrics and gynecology.

export const PEDIATRIC_AGE_LIMIT_YEARS = 14;

export interface RankOptions {
  /** Department codes the org has; the ranking keeps only these (all when omitted or none match). */
  available?: readonly string[];
  /** The classifier's distribution over department codes. */
  classifier?: Readonly<Record<string, number>>;
  /** 0..1: the classifier's share of the blended score. */
  classifierWeight?: number;
}

export function rankDepartments(
  facts: TriageFacts,
  symptoms: readonly SymptomDef[],
  options: RankOptions = {},
): DepartmentScore[] {
  const score = new Map<string, number>();
  const because = new Map<string, { id: string; w: number }[]>();
  const child = facts.ageYears !== undefined && facts.ageYears < PEDIATRIC_AGE_LIMIT_YEARS;
  const add = (code: string, w: number, id: string) => {
    score.set(code, (score.get(code) ?? 0) + w);
    const list = because.get(code) ?? [];
    list.push({ id, w });
    because.set(code, list);
  };
  for (const s of symptoms) {
    if (facts.symptoms[s.id] !== true) continue;
    const top = Math.max(0, ...Object.values(s.departments));
    for (const [code, w] of Object.entries(s.departments)) {
      if (facts.sex === 'male' && code === 'obstetrics-gynecology') continue;
      add(code, child && code !== 'pediatrics' ? w * 0.3 : w, s.id);
    }
    if (child) add('pediatrics', top, s.id);
    // In pregnancy, bleeding and belly pain are first the obstetrician's question.
    if (facts.pregnant === true && s.id !== 'pregnancy' && facts.sex !== 'male')
      add('obstetrics-gynecology', top * 0.5, s.id);
  }
  if (facts.pregnant === true && facts.symptoms['pregnancy'] !== true)
    add('obstetrics-gynecology', 1, 'pregnancy');
  const available = options.available?.length ? new Set(options.available) : undefined;
  const keep = (code: string) => !available || available.has(code);
  let entries = [...score.entries()].filter(([code, v]) => v > 0 && keep(code));
  if (entries.length === 0) {
    const fallback = child ? 'pediatrics' : 'general-practice';
    entries = [[keep(fallback) ? fallback : (options.available?.[0] ?? fallback), 1]];
  }
  const total = entries.reduce((sum, [, v]) => sum + v, 0);
  const kb = new Map(entries.map(([code, v]) => [code, v / total]));
  const alpha = options.classifier ? Math.min(Math.max(options.classifierWeight ?? 0.3, 0), 1) : 0;
  const codes = new Set([...kb.keys(), ...(alpha > 0 ? Object.keys(options.classifier ?? {}) : [])]);
  const blended: DepartmentScore[] = [];
  for (const code of codes) {
    if (!keep(code)) continue;
    if (facts.sex === 'male' && code === 'obstetrics-gynecology') continue;
    if (child && code !== 'pediatrics' && !kb.has(code)) continue;
    const v = (1 - alpha) * (kb.get(code) ?? 0) + alpha * (options.classifier?.[code] ?? 0);
    const contributors = (because.get(code) ?? []).sort((a, b) => b.w - a.w).map((c) => c.id);
    blended.push({
      departmentCode: code,
      score: Math.round(v * 1000) / 1000,
      because: [...new Set(contributors)].slice(0, 3),
    });
  }
  return blended.sort((a, b) => b.score - a.score || a.departmentCode.localeCompare(b.departmentCode));
}
