import { pinyin } from 'pinyin-pro';
import type { FormularyDrug as ClinicalDrug } from '@careloop/clinical';
import type { DoseUnit, DrugForm, FormularyDrug, FormularyDrugInput } from '@careloop/contracts';
import type { Language } from '../../../platform/http/language.ts';
import type { FormularyDrugsTable } from '../../../platform/db/schema-pharmacy.ts';
import type { Selectable } from 'kysely';

export type DrugRow = Selectable<FormularyDrugsTable>;
export type DrugRowWithStock = DrugRow & { on_hand: number | null; reserved: number | null };

/**
 * The dose units a prescriber may write for a form: counted units of the form itself (片, 粒, 喷, 滴, 袋, 贴) or an
 * amount of the substance. A unit outside this list (say 'puff' for a tablet) is refused as a dose unit mismatch.
 */
export const DOSE_UNITS_BY_FORM: Record<DrugForm, readonly DoseUnit[]> = {
  tablet: ['tablet', 'mg', 'g', 'mcg', 'IU'],
  sustained_release_tablet: ['tablet', 'mg', 'g', 'mcg'],
  capsule: ['capsule', 'mg', 'g', 'mcg', 'IU'],
  injection: ['mg', 'g', 'mcg', 'IU', 'mL', 'unit'],
  oral_solution: ['mL', 'mg', 'g'],
  granules: ['sachet', 'g', 'mg'],
  inhaler: ['puff', 'mcg', 'mg'],
  ointment: ['g', 'unit'],
  cream: ['g', 'unit'],
  eye_drops: ['drop'],
  suppository: ['unit', 'mg'],
  patch: ['patch'],
  spray: ['puff', 'mL'],
};

/**
 * What the search box matches: lower-case names in both languages, brand names, the full pinyin and the initials
 * of the Chinese names (阿莫西林 -> "amoxilin amxl"), ingredients and the code — how pharmacists and doctors type
 * drug names on a Chinese keyboard.
 */
export function drugSearchText(d: {
  code: string;
  genericZh: string;
  genericEn: string;
  brandZh?: string | null | undefined;
  brandEn?: string | null | undefined;
  ingredients: readonly string[];
}): string {
  const parts = new Set<string>();
  const add = (s: string | null | undefined) => {
    if (s) parts.add(s.toLowerCase().normalize('NFKC').replace(/\s+/g, ' ').trim());
  };
  for (const zh of [d.genericZh, d.brandZh]) {
    if (!zh) continue;
    add(zh);
    const han = zh.replace(/[^\u3400-\u9fff]/g, '');
    if (!han) continue;
    add(pinyin(han, { toneType: 'none', type: 'array' }).join(''));
    add(pinyin(han, { pattern: 'first', toneType: 'none', type: 'array' }).join(''));
  }
  add(d.genericEn);
  add(d.brandEn);
  for (const i of d.ingredients) add(i);
  add(d.code);
  return [...parts].join(' | ');
}

const num = (v: string | number) => Number(v);

export function toApiDrug(row: DrugRowWithStock | DrugRow, language: Language): FormularyDrug {
  const withStock = row as Partial<DrugRowWithStock>;
  return {
    id: row.id,
    code: row.code,
    name: language === 'zh-CN' ? row.generic_zh : row.generic_en,
    genericZh: row.generic_zh,
    genericEn: row.generic_en,
    brandZh: row.brand_zh,
    brandEn: row.brand_en,
    ingredients: row.ingredients,
    atc: row.atc,
    form: row.form,
    strength: {
      value: num(row.strength_value),
      unit: row.strength_unit as FormularyDrug['strength']['unit'],
    },
    route: row.route as FormularyDrug['route'],
    packageSize: row.package_size,
    packageUnit: row.package_unit,
    priceCents: row.price_cents,
    maxDailyDose:
      row.max_daily_value === null || row.max_daily_unit === null
        ? null
        : {
            value: num(row.max_daily_value),
            unit: row.max_daily_unit as NonNullable<FormularyDrug['maxDailyDose']>['unit'],
          },
    contraindications: row.contraindications as FormularyDrug['contraindications'],
    pregnancy: (row.pregnancy ?? null) as FormularyDrug['pregnancy'],
    lactation: (row.lactation ?? null) as FormularyDrug['lactation'],
    source: row.source,
    active: row.active,
    doseUnits: [...DOSE_UNITS_BY_FORM[row.form]],
    stock:
      withStock.on_hand === undefined || withStock.on_hand === null
        ? null
        : { onHand: withStock.on_hand, reserved: withStock.reserved ?? 0 },
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The drug as the clinical safety check takes it. */
export function toClinicalDrug(row: DrugRow): ClinicalDrug {
  const api = toApiDrug(row, 'en-US');
  return {
    code: api.code,
    genericZh: api.genericZh,
    genericEn: api.genericEn,
    ...(api.brandZh ? { brandZh: api.brandZh } : {}),
    ...(api.brandEn ? { brandEn: api.brandEn } : {}),
    ingredients: api.ingredients,
    atc: api.atc,
    form: api.form,
    strength: api.strength,
    route: api.route,
    packageSize: api.packageSize,
    packageUnit: api.packageUnit,
    priceCents: api.priceCents,
    maxDailyDose: api.maxDailyDose,
    contraindications: api.contraindications,
    pregnancy: api.pregnancy,
    lactation: api.lactation,
    source: api.source,
  };
}

/** Columns of a drug from the API input (or a clinical formulary entry, which has the same shape). */
export function drugColumns(input: FormularyDrugInput) {
  return {
    code: input.code,
    generic_zh: input.genericZh,
    generic_en: input.genericEn,
    brand_zh: input.brandZh ?? null,
    brand_en: input.brandEn ?? null,
    ingredients: input.ingredients,
    atc: input.atc,
    form: input.form,
    strength_value: input.strength.value,
    strength_unit: input.strength.unit,
    route: input.route,
    package_size: input.packageSize,
    package_unit: input.packageUnit,
    price_cents: input.priceCents,
    max_daily_value: input.maxDailyDose?.value ?? null,
    max_daily_unit: input.maxDailyDose?.unit ?? null,
    contraindications: JSON.stringify(input.contraindications),
    pregnancy: input.pregnancy ? JSON.stringify(input.pregnancy) : null,
    lactation: input.lactation ? JSON.stringify(input.lactation) : null,
    source: input.source,
    active: input.active,
    name_search: drugSearchText(input),
  };
}

/** A clinical formulary entry as API input (the seed and tests load the shipped formulary through this). */
export function inputOfClinical(d: ClinicalDrug): FormularyDrugInput {
  return {
    code: d.code,
    genericZh: d.genericZh,
    genericEn: d.genericEn,
    brandZh: d.brandZh ?? null,
    brandEn: d.brandEn ?? null,
    ingredients: [...d.ingredients],
    atc: d.atc,
    form: d.form,
    strength: { ...d.strength },
    route: d.route,
    packageSize: d.packageSize,
    packageUnit: d.packageUnit,
    priceCents: d.priceCents,
    maxDailyDose: d.maxDailyDose ? { ...d.maxDailyDose } : null,
    contraindications: d.contraindications.map((c) => ({ ...c, icd10Prefixes: [...c.icd10Prefixes] })),
    pregnancy: d.pregnancy,
    lactation: d.lactation,
    source: d.source,
    active: true,
  };
}
