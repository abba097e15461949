import { ALLERGY_CLASSES, type AllergyClass } from './allergy-classes.ts';
import { convertAmount, dailyDose } from './dosing.ts';
import { FORMULARY } from './formulary/index.ts';
import { frequencyByCode } from './frequency.ts';
import type {
  DrugInteraction,
  FormularyDrug,
  InteractionSeverity,
  SafetyFinding,
  SafetyInput,
  SafetyItem,
} from './medication.types.ts';

// Prescription safety checks at writing time: allergy (by ingredient and by class, with cross-reactions),
// duplicate therapy (same ingredient or same ATC level-4 class), interactions (among the new items and with the
// current medications), daily dose above the label maximum, contraindications from the record's conditions and
// the patient's age, and pregnancy and lactation notes. Pure and linear in the number of items and current
// medications: interactions are indexed once per interactions array.

export const SAFETY_SOURCES = {
  duplicate:
    'WHO Collaborating Centre for Drug Statistics Methodology, Guidelines for ATC classification and DDD assignment ' +
    '2024 (level 4 = chemical/therapeutic/pharmacological subgroup); 国家卫生健康委《医疗机构处方审核规范》2018 ' +
    '第十五条（重复给药）',
  maxDose: 'Drug label maximum daily dose (see the formulary entry source)',
  age: {
    fluoroquinolone:
      'Fluoroquinolone labels (NMPA 左氧氟沙星、莫西沙星、环丙沙星说明书): 18岁以下患者禁用 (arthropathy in juvenile animals)',
    aspirin:
      'BNF, Aspirin: not to be given to children under 16 years (Reye syndrome) except on specialist advice; MHRA 2002',
    tetracycline:
      'Tetracycline labels (NMPA 多西环素、米诺环素说明书): 8岁以下儿童禁用 (tooth discolouration)',
    codeine:
      'NMPA 2013 公告《关于修订含可待因药品说明书的公告》and FDA Drug Safety Communication 2017-04-20: codeine ' +
      'contraindicated under 12 years',
    tramadol: 'FDA Drug Safety Communication 2017-04-20: tramadol contraindicated in children under 12 years',
    loperamide: 'Loperamide label (NMPA 易蒙停说明书): 2岁以下婴幼儿禁用',
    beers:
      'American Geriatrics Society 2023 Updated AGS Beers Criteria, J Am Geriatr Soc 2023;71:2052-2081: avoid ' +
      'benzodiazepines and Z-drugs in older adults (falls, fractures, cognitive impairment)',
  },
  pregnancyCodes: 'ICD-10 chapter XV (O00-O99) and Z33-Z35 (pregnant state, supervision of pregnancy)',
} as const;

export interface AgeRule {
  atcPrefixes: string[];
  ingredients: string[];
  /** The rule applies below this age in years. */
  belowAge?: number;
  /** The rule applies at or above this age in years. */
  fromAge?: number;
  level: 'critical' | 'warning';
  zh: string;
  en: string;
  source: string;
}

export const AGE_RULES: readonly AgeRule[] = [
  {
    atcPrefixes: ['J01MA'],
    ingredients: [],
    belowAge: 18,
    level: 'critical',
    zh: '18岁以下患者禁用氟喹诺酮类。',
    en: 'Fluoroquinolones are contraindicated under 18 years.',
    source: SAFETY_SOURCES.age.fluoroquinolone,
  },
  {
    atcPrefixes: [],
    ingredients: ['aspirin'],
    belowAge: 16,
    level: 'critical',
    zh: '16岁以下儿童不宜使用阿司匹林（瑞氏综合征风险）。',
    en: 'Aspirin should not be given under 16 years (risk of Reye syndrome).',
    source: SAFETY_SOURCES.age.aspirin,
  },
  {
    atcPrefixes: ['J01AA'],
    ingredients: [],
    belowAge: 8,
    level: 'critical',
    zh: '8岁以下儿童禁用四环素类（牙齿着色、釉质发育不良）。',
    en: 'Tetracyclines are contraindicated under 8 years (tooth discolouration).',
    source: SAFETY_SOURCES.age.tetracycline,
  },
  {
    atcPrefixes: [],
    ingredients: ['codeine'],
    belowAge: 12,
    level: 'critical',
    zh: '12岁以下儿童禁用含可待因药品（呼吸抑制风险）。',
    en: 'Codeine is contraindicated under 12 years (respiratory depression).',
    source: SAFETY_SOURCES.age.codeine,
  },
  {
    atcPrefixes: [],
    ingredients: ['tramadol'],
    belowAge: 12,
    level: 'critical',
    zh: '12岁以下儿童禁用曲马多（呼吸抑制风险）。',
    en: 'Tramadol is contraindicated under 12 years (respiratory depression).',
    source: SAFETY_SOURCES.age.tramadol,
  },
  {
    atcPrefixes: [],
    ingredients: ['loperamide'],
    belowAge: 2,
    level: 'critical',
    zh: '2岁以下婴幼儿禁用洛哌丁胺。',
    en: 'Loperamide is contraindicated under 2 years.',
    source: SAFETY_SOURCES.age.loperamide,
  },
  {
    atcPrefixes: ['N05BA', 'N05CD', 'N05CF'],
    ingredients: [],
    fromAge: 65,
    level: 'warning',
    zh: '65岁及以上老年人应避免苯二氮䓬类及Z类催眠药（跌倒、骨折、认知损害）。',
    en: 'Avoid benzodiazepines and Z-drugs at 65 and over (falls, fractures, cognitive impairment).',
    source: SAFETY_SOURCES.age.beers,
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Drug profiles: the ingredients and every ATC code a drug stands for (its own code and, for combinations, the
// codes of its single-ingredient counterparts), so that losartan/hydrochlorothiazide counts as an ARB and a
// thiazide.

interface Profile {
  name: string;
  ingredients: ReadonlySet<string>;
  atcs: readonly string[];
}

const ATC_PATTERN = /^[A-Z]\d\d/;

let ingredientAtc: Map<string, string> | null = null;

/** The ATC code of each ingredient sold alone in the built-in formulary, and of the single-ingredient drugs given. */
function ingredientAtcMap(extra: readonly FormularyDrug[]): Map<string, string> {
  if (!ingredientAtc) {
    ingredientAtc = new Map<string, string>();
    for (const d of FORMULARY) {
      if (d.ingredients.length === 1 && !ingredientAtc.has(d.ingredients[0]!))
        ingredientAtc.set(d.ingredients[0]!, d.atc);
    }
  }
  const base = ingredientAtc;
  const singles = extra.filter(
    (d) => d.ingredients.length === 1 && !base.has(d.ingredients[0]!.toLowerCase()),
  );
  if (singles.length === 0) return base;
  const map = new Map(base);
  for (const d of singles) map.set(d.ingredients[0]!.toLowerCase(), d.atc);
  return map;
}

function profile(
  name: string,
  ingredients: readonly string[],
  atc: string | null,
  atcOf: Map<string, string>,
): Profile {
  const ings = new Set(ingredients.map((i) => i.trim().toLowerCase()).filter(Boolean));
  const atcs = new Set<string>();
  const own = atc?.trim().toUpperCase();
  if (own && ATC_PATTERN.test(own)) atcs.add(own);
  if (ings.size > 1 || !own) {
    for (const i of ings) {
      const a = atcOf.get(i);
      if (a) atcs.add(a);
    }
  }
  return { name, ingredients: ings, atcs: [...atcs] };
}

const drugName = (d: FormularyDrug) => ({ zh: d.genericZh, en: d.genericEn });

// ---------------------------------------------------------------------------------------------------------------
// Interaction index, built once per interactions array.

interface IndexedSide {
  interaction: DrugInteraction;
  /** The side that matched; the other side must match the other drug. */
  other: string;
}

interface InteractionIndex {
  byIngredient: Map<string, IndexedSide[]>;
  byAtcPrefix: Map<string, IndexedSide[]>;
}

const indexCache = new WeakMap<readonly DrugInteraction[], InteractionIndex>();

/** An ATC prefix ('C09A', any case) or an ingredient (lower-cased), trimmed. */
const normaliseSide = (side: string) => {
  const t = side.trim();
  return /^[a-z](\d\d)?[a-z]{0,2}(\d\d)?$/i.test(t) && /^[a-z]\d\d|^[a-z]$/i.test(t)
    ? t.toUpperCase()
    : t.toLowerCase();
};
const isAtcSide = (side: string) => ATC_PATTERN.test(side) || /^[A-Z]$/.test(side);

function indexInteractions(interactions: readonly DrugInteraction[]): InteractionIndex {
  const cached = indexCache.get(interactions);
  if (cached) return cached;
  const index: InteractionIndex = { byIngredient: new Map(), byAtcPrefix: new Map() };
  const add = (side: string, entry: IndexedSide) => {
    const key = normaliseSide(side);
    const map = isAtcSide(key) ? index.byAtcPrefix : index.byIngredient;
    const list = map.get(key);
    if (list) list.push(entry);
    else map.set(key, [entry]);
  };
  for (const interaction of interactions) {
    const a = normaliseSide(interaction.a);
    const b = normaliseSide(interaction.b);
    add(a, { interaction, other: b });
    if (b !== a) add(b, { interaction, other: a });
  }
  indexCache.set(interactions, index);
  return index;
}

function sideMatches(side: string, p: Profile): boolean {
  if (isAtcSide(side)) return p.atcs.some((a) => a.startsWith(side));
  return p.ingredients.has(side.toLowerCase());
}

/** The interactions in which one side matches `p`, each with the side the other drug must match. */
function candidates(index: InteractionIndex, p: Profile): IndexedSide[] {
  const out: IndexedSide[] = [];
  for (const i of p.ingredients) {
    const list = index.byIngredient.get(i);
    if (list) out.push(...list);
  }
  for (const atc of p.atcs) {
    for (let len = 1; len <= atc.length; len += 1) {
      const list = index.byAtcPrefix.get(atc.slice(0, len));
      if (list) out.push(...list);
    }
  }
  return out;
}

const SEVERITY_RANK: Record<InteractionSeverity, number> = {
  contraindicated: 0,
  major: 1,
  moderate: 2,
  minor: 3,
};
const SEVERITY_LABEL: Record<InteractionSeverity, { zh: string; en: string }> = {
  contraindicated: { zh: '禁忌合用', en: 'contraindicated' },
  major: { zh: '严重', en: 'major' },
  moderate: { zh: '中度', en: 'moderate' },
  minor: { zh: '轻度', en: 'minor' },
};

/** The most severe interaction between two drugs, or null. */
function interactionBetween(index: InteractionIndex, x: Profile, y: Profile): DrugInteraction | null {
  let best: DrugInteraction | null = null;
  for (const c of candidates(index, x)) {
    if (!sideMatches(c.other, y)) continue;
    if (!best || SEVERITY_RANK[c.interaction.severity] < SEVERITY_RANK[best.severity]) best = c.interaction;
  }
  return best;
}

// ---------------------------------------------------------------------------------------------------------------
// Allergy matching.

function normaliseAllergy(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/(过敏史|过敏|allergy|allergic to|allergic|intolerance|类药物|类药|药物)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const LATIN_TERM = /^[a-z0-9 \-/]+$/;

function termIn(text: string, term: string): boolean {
  if (!LATIN_TERM.test(term)) return text.includes(term);
  // Latin terms match at the start of a word ('ceph' in 'cephalexin', 'asa' but not 'masala').
  let from = 0;
  for (;;) {
    const at = text.indexOf(term, from);
    if (at < 0) return false;
    if (at === 0 || !/[a-z]/.test(text[at - 1]!)) return true;
    from = at + 1;
  }
}

function allergyClassesOf(text: string): AllergyClass[] {
  return ALLERGY_CLASSES.filter((c) => c.terms.some((t) => termIn(text, t)));
}

function namesIngredient(allergy: string, drug: FormularyDrug, p: Profile): string | null {
  if (allergy.length === 0) return null;
  for (const i of p.ingredients) {
    if (i.length >= 4 && termIn(allergy, i)) return i;
    if (allergy === i) return i;
  }
  const cjk = /[\u4e00-\u9fff]/.test(allergy);
  const names = [drug.genericZh, drug.brandZh, drug.genericEn, drug.brandEn]
    .filter((n): n is string => typeof n === 'string' && n.length > 0)
    .map((n) => n.normalize('NFKC').toLowerCase());
  for (const n of names) {
    if (cjk && allergy.length >= 2 && (n.includes(allergy) || allergy.includes(n))) return n;
    if (!cjk && allergy.length >= 4 && (n === allergy || termIn(allergy, n))) return n;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------

const normaliseIcd = (code: string) => code.normalize('NFKC').toUpperCase().replace(/[.\s]/g, '');

function isPregnant(input: SafetyInput): boolean {
  if (input.patient.pregnant === true) return true;
  return input.conditions.some((c) => {
    const code = c.icd10 ? normaliseIcd(c.icd10) : '';
    return /^O\d/.test(code) || /^Z3[345]/.test(code);
  });
}

function isLactating(input: SafetyInput): boolean {
  if (input.patient.lactating === true) return true;
  return input.conditions.some((c) => (c.icd10 ? normaliseIcd(c.icd10).startsWith('Z391') : false));
}

const level4 = (atc: string) => (atc.length >= 5 ? atc.slice(0, 5) : null);

function sharedIngredient(x: Profile, y: Profile): string | null {
  for (const i of x.ingredients) if (y.ingredients.has(i)) return i;
  return null;
}

function sharedClass(x: Profile, y: Profile): string | null {
  for (const a of x.atcs) {
    const l4 = level4(a);
    if (l4 && y.atcs.some((b) => level4(b) === l4)) return l4;
  }
  return null;
}

/**
 * Checks a prescription's items against the patient's record. Returns the findings, critical first, in item
 * order. Never throws for odd data: items whose dose cannot be computed simply get no max-dose finding.
 */
export function checkPrescription(input: SafetyInput): SafetyFinding[] {
  const findings: SafetyFinding[] = [];
  const items: SafetyItem[] = input.items ?? [];
  const atcOf = ingredientAtcMap(items.map((i) => i.drug));
  const profiles = items.map((it) => profile(it.drug.genericEn, it.drug.ingredients, it.drug.atc, atcOf));
  const current = (input.current ?? []).map((c) => profile(c.name, c.ingredients ?? [], c.atc, atcOf));
  const index = indexInteractions(input.interactions ?? []);

  const allergies = (input.allergies ?? [])
    .map((a) => ({ raw: a.substance, text: normaliseAllergy(a.substance ?? '') }))
    .filter((a) => a.text.length > 0)
    .map((a) => ({ ...a, classes: allergyClassesOf(a.text) }));
  const conditions = (input.conditions ?? [])
    .filter((c) => c.icd10)
    .map((c) => ({
      code: normaliseIcd(c.icd10!),
      label: c.display ? `${c.display} (${c.icd10})` : c.icd10!,
    }));
  const pregnant = isPregnant(input);
  const lactating = isLactating(input);
  const age = input.patient?.ageYears;

  items.forEach((item, k) => {
    const drug = item.drug;
    const p = profiles[k]!;
    const name = drugName(drug);
    const at = item.index;

    // Allergy: the ingredient or brand named, a class containing the drug, or a known cross-reaction.
    for (const allergy of allergies) {
      const direct = namesIngredient(allergy.text, drug, p);
      const cls = allergy.classes.find(
        (c) =>
          c.ingredients.some((i) => p.ingredients.has(i)) ||
          c.atcPrefixes.some((pre) => p.atcs.some((a) => a.startsWith(pre))),
      );
      if (direct || cls) {
        findings.push({
          kind: 'allergy',
          level: 'critical',
          itemIndex: at,
          with: allergy.raw,
          zh: cls
            ? `患者对${allergy.raw}过敏，${name.zh}属于${cls.labelZh}。`
            : `患者对${allergy.raw}过敏，${name.zh}含相同成分。`,
          en: cls
            ? `The patient is allergic to ${allergy.raw}; ${name.en} is one of the ${cls.labelEn}.`
            : `The patient is allergic to ${allergy.raw}; ${name.en} contains the same ingredient.`,
          source: cls
            ? cls.source
            : 'Drug label: 对本品任何成分过敏者禁用 / contraindicated in hypersensitivity to any ingredient',
        });
        continue;
      }
      for (const c of allergy.classes) {
        const cross = c.cross.find(
          (x) =>
            x.atcPrefixes.some((pre) => p.atcs.some((a) => a.startsWith(pre))) ||
            (x.ingredients ?? []).some((i) => p.ingredients.has(i)),
        );
        if (cross) {
          findings.push({
            kind: 'allergy',
            level: cross.level,
            itemIndex: at,
            with: allergy.raw,
            zh: `患者对${allergy.raw}过敏：${cross.zh}`,
            en: `The patient is allergic to ${allergy.raw}: ${cross.en}`,
            source: cross.source,
          });
          break;
        }
      }
    }

    // Duplicate therapy among the earlier new items and with the current medications.
    const duplicateWith = (other: Profile, otherName: { zh: string; en: string }, isCurrent: boolean) => {
      const ing = sharedIngredient(p, other);
      const cls = ing ? null : sharedClass(p, other);
      if (!ing && !cls) return;
      const where = isCurrent
        ? { zh: '正在使用的', en: 'current medication ' }
        : { zh: '本处方中的', en: '' };
      findings.push({
        kind: 'duplicate_therapy',
        level: 'warning',
        itemIndex: at,
        with: otherName.en,
        zh: ing
          ? `${name.zh}与${where.zh}${otherName.zh}含相同成分（${ing}），重复用药。`
          : `${name.zh}与${where.zh}${otherName.zh}属同一药理亚类（ATC ${cls}），重复用药。`,
        en: ing
          ? `${name.en} and ${where.en}${otherName.en} contain the same ingredient (${ing}): duplicate therapy.`
          : `${name.en} and ${where.en}${otherName.en} are in the same ATC class (${cls}): duplicate therapy.`,
        source: SAFETY_SOURCES.duplicate,
      });
    };
    for (let j = 0; j < k; j += 1) duplicateWith(profiles[j]!, drugName(items[j]!.drug), false);
    current.forEach((c) => duplicateWith(c, { zh: c.name, en: c.name }, true));

    // Interactions among the earlier new items and with the current medications.
    const interactionWith = (other: Profile, otherName: { zh: string; en: string }) => {
      const found = interactionBetween(index, p, other);
      if (!found) return;
      const sev = SEVERITY_LABEL[found.severity];
      findings.push({
        kind: 'interaction',
        level: found.severity === 'contraindicated' || found.severity === 'major' ? 'critical' : 'warning',
        itemIndex: at,
        with: otherName.en,
        severity: found.severity,
        zh: `${name.zh}与${otherName.zh}相互作用（${sev.zh}）：${found.zh}`,
        en: `${name.en} interacts with ${otherName.en} (${sev.en}): ${found.en}`,
        source: found.source,
      });
    };
    for (let j = 0; j < k; j += 1) interactionWith(profiles[j]!, drugName(items[j]!.drug));
    current.forEach((c) => interactionWith(c, { zh: c.name, en: c.name }));

    // Daily dose above the label maximum.
    const freq = frequencyByCode(item.frequency);
    const max = drug.maxDailyDose;
    if (freq && max) {
      const daily = dailyDose(item.dose, freq, drug.strength);
      const value = daily ? convertAmount(daily, max.unit, drug.strength) : null;
      if (value !== null && value > max.value * (1 + 1e-9)) {
        findings.push({
          kind: 'max_dose',
          level: 'critical',
          itemIndex: at,
          zh: `${name.zh}日剂量${value} ${max.unit}超过最大日剂量${max.value} ${max.unit}。`,
          en: `${name.en} daily dose ${value} ${max.unit} is above the maximum daily dose of ${max.value} ${max.unit}.`,
          source: drug.source,
        });
      }
    }

    // Contraindications by the record's conditions (ICD-10 prefixes).
    for (const c of drug.contraindications) {
      const prefixes = c.icd10Prefixes.map(normaliseIcd).filter(Boolean);
      const hit = conditions.find((cond) => prefixes.some((pre) => cond.code.startsWith(pre)));
      if (hit) {
        findings.push({
          kind: 'contraindication',
          level: c.level ?? 'critical',
          itemIndex: at,
          with: hit.label,
          zh: `${name.zh}：${c.zh}（患者诊断：${hit.label}）`,
          en: `${name.en}: ${c.en} (the patient has ${hit.label})`,
          source: drug.source,
        });
      }
    }

    // Age.
    if (typeof age === 'number' && Number.isFinite(age)) {
      for (const r of AGE_RULES) {
        const applies =
          (r.belowAge !== undefined && age < r.belowAge) || (r.fromAge !== undefined && age >= r.fromAge);
        if (!applies) continue;
        const matches =
          r.ingredients.some((i) => p.ingredients.has(i)) ||
          r.atcPrefixes.some((pre) => p.atcs.some((a) => a.startsWith(pre)));
        if (matches) {
          findings.push({
            kind: 'contraindication',
            level: r.level,
            itemIndex: at,
            with: `age ${age}`,
            zh: `${name.zh}：${r.zh}（患者${age}岁）`,
            en: `${name.en}: ${r.en} (the patient is ${age})`,
            source: r.source,
          });
        }
      }
    }

    if (pregnant && drug.pregnancy) {
      findings.push({
        kind: 'pregnancy',
        level: drug.pregnancy.contraindicated ? 'critical' : 'warning',
        itemIndex: at,
        zh: `${name.zh}（妊娠期）：${drug.pregnancy.zh}`,
        en: `${name.en} in pregnancy: ${drug.pregnancy.en}`,
        source: drug.source,
      });
    }
    if (lactating && drug.lactation) {
      findings.push({
        kind: 'lactation',
        level: drug.lactation.contraindicated ? 'critical' : 'warning',
        itemIndex: at,
        zh: `${name.zh}（哺乳期）：${drug.lactation.zh}`,
        en: `${name.en} in breastfeeding: ${drug.lactation.en}`,
        source: drug.source,
      });
    }
  });

  // Critical first; stable otherwise (item order, then kind order of the checks above).
  return findings
    .map((f, i) => ({ f, i }))
    .sort((x, y) => (x.f.level === y.f.level ? x.i - y.i : x.f.level === 'critical' ? -1 : 1))
    .map((x) => x.f);
}
