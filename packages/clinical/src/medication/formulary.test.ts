import { describe, expect, it } from 'vitest';
import { ALLERGY_CLASSES } from './allergy-classes.ts';
import { FORMULARY, formularyDrug } from './formulary/index.ts';
import { INTERACTIONS } from './interactions.ts';
import { checkPrescription } from './safety.ts';

const ATC = /^[A-Z]\d\d[A-Z][A-Z]\d\d$/;
const ICD10_PREFIX = /^[A-Z]\d{2}(\.\d)?$/;

describe('FORMULARY data integrity', () => {
  it('holds at least 150 drugs with unique, stable codes', () => {
    expect(FORMULARY.length).toBeGreaterThanOrEqual(150);
    const codes = FORMULARY.map((d) => d.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes) expect(c).toMatch(/^[a-z0-9][a-z0-9.-]*$/);
    expect(formularyDrug('amlodipine-5mg-tab')?.genericEn).toMatch(/amlodipine/i);
    expect(formularyDrug('nope')).toBeUndefined();
  });

  it.each(FORMULARY.map((d) => [d.code, d] as const))('%s is well formed', (_code, d) => {
    expect(d.atc).toMatch(ATC);
    expect(d.genericZh).toMatch(/[\u4e00-\u9fff]/);
    expect(d.genericEn).toMatch(/[A-Za-z]/);
    expect(d.ingredients.length).toBeGreaterThan(0);
    for (const i of d.ingredients) expect(i).toBe(i.trim().toLowerCase());
    expect(d.strength.value).toBeGreaterThan(0);
    expect(Number.isInteger(d.priceCents) && d.priceCents > 0).toBe(true);
    expect(Number.isInteger(d.packageSize) && d.packageSize > 0).toBe(true);
    expect(d.packageUnit.length).toBeGreaterThan(0);
    if (d.maxDailyDose) expect(d.maxDailyDose.value).toBeGreaterThan(0);
    for (const c of d.contraindications) {
      expect(c.icd10Prefixes.length).toBeGreaterThan(0);
      for (const p of c.icd10Prefixes) expect(p).toMatch(ICD10_PREFIX);
      expect(c.zh.length).toBeGreaterThan(0);
      expect(c.en.length).toBeGreaterThan(0);
    }
    for (const n of [d.pregnancy, d.lactation]) if (n) expect(n.zh && n.en).toBeTruthy();
    expect(d.source.length).toBeGreaterThan(10);
  });

  it('covers the therapeutic areas of the demo (hypertension, diabetes, lipids, infections, pain, respiratory, gastric)', () => {
    for (const prefix of [
      'C08',
      'C09',
      'C07',
      'C03',
      'A10B',
      'A10A',
      'C10',
      'B01',
      'J01',
      'J05',
      'M01',
      'N02',
      'R03',
      'R06',
      'A02',
      'A07',
    ]) {
      expect(
        FORMULARY.some((d) => d.atc.startsWith(prefix)),
        prefix,
      ).toBe(true);
    }
  });
});

describe('INTERACTIONS data integrity', () => {
  const ingredients = new Set(FORMULARY.flatMap((d) => d.ingredients));
  const atcs = FORMULARY.map((d) => d.atc);
  const present = (side: string) =>
    /^[A-Z]/.test(side) ? atcs.some((a) => a.startsWith(side)) : ingredients.has(side);

  it('holds at least 60 pairs, each pair once', () => {
    expect(INTERACTIONS.length).toBeGreaterThanOrEqual(60);
    const keys = INTERACTIONS.map((i) => [i.a, i.b].sort().join('|'));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each(INTERACTIONS.map((i) => [`${i.a} + ${i.b}`, i] as const))(
    '%s names drugs in the formulary',
    (_k, i) => {
      expect(present(i.a), i.a).toBe(true);
      expect(present(i.b), i.b).toBe(true);
      expect(['contraindicated', 'major', 'moderate', 'minor']).toContain(i.severity);
      expect(i.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(i.en.length).toBeGreaterThan(10);
      expect(i.source.length).toBeGreaterThan(5);
    },
  );

  it('every allergy class names an ATC class or ingredient of the formulary', () => {
    for (const c of ALLERGY_CLASSES) {
      if (c.id === 'iodinated_contrast' || c.id === 'carbapenem') continue; // none in the demo formulary except iohexol
      const hit =
        c.atcPrefixes.some((p) => atcs.some((a) => a.startsWith(p))) ||
        c.ingredients.some((i) => ingredients.has(i));
      expect(hit, c.id).toBe(true);
    }
    expect(atcs.some((a) => a.startsWith('V08A'))).toBe(true);
  });

  it('checks every formulary drug against a long medication list without throwing', () => {
    const current = FORMULARY.slice(0, 20).map((d) => ({
      name: d.genericEn,
      ingredients: d.ingredients,
      atc: d.atc,
    }));
    for (const drug of FORMULARY) {
      const findings = checkPrescription({
        items: [{ index: 0, drug, dose: { value: 1, unit: 'tablet' }, frequency: 'bid' }],
        current,
        allergies: [{ substance: 'penicillin', category: 'drug' }],
        conditions: [{ icd10: 'N18.4', display: 'CKD 4' }],
        patient: { ageYears: 70, sex: 'male' },
        interactions: INTERACTIONS,
      });
      for (const f of findings) {
        expect(f.zh.length).toBeGreaterThan(0);
        expect(f.en.length).toBeGreaterThan(0);
        expect(f.source.length).toBeGreaterThan(0);
      }
    }
  });
});
