import type { SymptomDef } from './triage.types.ts';
import { TRIAGE_DEPARTMENTS } from './triage.types.ts';

// An org's edits to the knowledge base: extra synonyms and replacement department weights per symptom. Red-flag
// rules are not overridable (safety rules change in the repo, with a source).

export interface SymptomOverride {
  symptomId: string;
  extraSynonymsZh: readonly string[];
  extraSynonymsEn: readonly string[];
  departments?: Readonly<Record<string, number>>;
}

export type OverrideProblem = { path: string; message: string };

/** Problems with an override, empty when valid. `departments` are the codes the org may route to. */
export function validateOverride(
  o: SymptomOverride,
  symptoms: readonly SymptomDef[],
  departments: readonly string[] = TRIAGE_DEPARTMENTS,
): OverrideProblem[] {
  const problems: OverrideProblem[] = [];
  if (!symptoms.some((s) => s.id === o.symptomId))
    problems.push({ path: 'symptomId', message: 'unknown_symptom' });
  const codes = new Set(departments);
  for (const [code, w] of Object.entries(o.departments ?? {})) {
    if (!codes.has(code)) problems.push({ path: `departments.${code}`, message: 'unknown_department' });
    if (!(w >= 0 && w <= 1)) problems.push({ path: `departments.${code}`, message: 'weight_out_of_range' });
  }
  if (o.departments && !Object.values(o.departments).some((w) => w > 0))
    problems.push({ path: 'departments', message: 'at_least_one_positive_weight' });
  o.extraSynonymsZh.forEach((s, i) => {
    if (!/\p{Script=Han}/u.test(s)) problems.push({ path: `extraSynonymsZh.${i}`, message: 'not_chinese' });
    else if ([...s].length < 2) problems.push({ path: `extraSynonymsZh.${i}`, message: 'too_short' });
  });
  o.extraSynonymsEn.forEach((s, i) => {
    if (!/^[a-z][a-z' -]*[a-z]$/i.test(s))
      problems.push({ path: `extraSynonymsEn.${i}`, message: 'not_english_words' });
  });
  return problems;
}

export function applyOverrides(
  symptoms: readonly SymptomDef[],
  overrides: readonly SymptomOverride[],
): SymptomDef[] {
  const byId = new Map(overrides.map((o) => [o.symptomId, o]));
  return symptoms.map((s) => {
    const o = byId.get(s.id);
    if (!o) return s;
    return {
      ...s,
      synonymsZh: [...new Set([...s.synonymsZh, ...o.extraSynonymsZh])],
      synonymsEn: [...new Set([...s.synonymsEn, ...o.extraSynonymsEn.map((x) => x.toLowerCase())])],
      departments: o.departments ?? s.departments,
    };
  });
}
