import { describe, expect, it } from 'vitest';
import { formularyDrug } from './formulary/index.ts';
import { INTERACTIONS } from './interactions.ts';
import type { DoseUnit, FrequencyCode, SafetyInput } from './medication.types.ts';
import { checkPrescription } from './safety.ts';

type Line = [code: string, dose: number, unit: DoseUnit, frequency: FrequencyCode];

const item = ([code, value, unit, frequency]: Line, index: number) => {
  const drug = formularyDrug(code);
  if (!drug) throw new Error(`no drug ${code}`);
  return { index, drug, dose: { value, unit }, frequency };
};

const input = (lines: Line[], more: Partial<SafetyInput> = {}): SafetyInput => ({
  items: lines.map(item),
  current: [],
  allergies: [],
  conditions: [],
  patient: { ageYears: 50, sex: 'female' },
  interactions: INTERACTIONS,
  ...more,
});

const kinds = (i: SafetyInput) => checkPrescription(i).map((f) => `${f.kind}:${f.level}:${f.itemIndex}`);

describe('checkPrescription: allergy', () => {
  it('penicillin-allergic patient prescribed amoxicillin -> critical allergy (class J01CA)', () => {
    const findings = checkPrescription(
      input([['amoxicillin-500mg-cap', 500, 'mg', 'tid']], {
        allergies: [{ substance: '青霉素', category: 'drug' }],
      }),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ kind: 'allergy', level: 'critical', itemIndex: 0, with: '青霉素' });
    expect(findings[0]!.zh).toContain('青霉素类');
    expect(findings[0]!.en).toContain('penicillins');
  });

  it.each(['penicillin', 'Penicillin allergy', '青霉素类过敏', 'PCN', '阿莫西林'])(
    'matches %j against amoxicillin/clavulanate',
    (substance) => {
      const f = checkPrescription(
        input([['amoxicillin-clavulanate-625mg-tab', 1, 'tablet', 'tid']], {
          allergies: [{ substance, category: 'drug' }],
        }),
      );
      expect(f.map((x) => [x.kind, x.level])).toEqual([['allergy', 'critical']]);
    },
  );

  it('penicillin allergy and a cephalosporin -> cross-reactivity warning', () => {
    const f = checkPrescription(
      input([['cefuroxime-axetil-250mg-tab', 250, 'mg', 'bid']], {
        allergies: [{ substance: 'penicillin', category: 'drug' }],
      }),
    );
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ kind: 'allergy', level: 'warning' });
    expect(f[0]!.en).toMatch(/cross-reactivity/i);
  });

  it('cephalosporin allergy (头孢) and cefuroxime -> critical', () => {
    const f = checkPrescription(
      input([['cefuroxime-axetil-250mg-tab', 250, 'mg', 'bid']], {
        allergies: [{ substance: '头孢类', category: 'drug' }],
      }),
    );
    expect(f.map((x) => [x.kind, x.level])).toEqual([['allergy', 'critical']]);
  });

  it('does not match unrelated allergies or short accidental substrings', () => {
    const f = checkPrescription(
      input(
        [
          ['amoxicillin-500mg-cap', 500, 'mg', 'tid'],
          ['aspirin-ec-100mg-tab', 100, 'mg', 'qd'],
        ],
        {
          allergies: [
            { substance: 'masala', category: 'food' },
            { substance: '花粉', category: 'environment' },
            { substance: '', category: 'other' },
          ],
        },
      ),
    );
    expect(f.filter((x) => x.kind === 'allergy')).toEqual([]);
  });
});

describe('checkPrescription: duplicate therapy', () => {
  it('amlodipine + nifedipine -> duplicate therapy (both C08CA)', () => {
    const f = checkPrescription(
      input([
        ['amlodipine-5mg-tab', 5, 'mg', 'qd'],
        ['nifedipine-cr-30mg-tab', 30, 'mg', 'qd'],
      ]),
    );
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ kind: 'duplicate_therapy', level: 'warning', itemIndex: 1 });
    expect(f[0]!.en).toContain('C08CA');
  });

  it('the same ingredient in a combination and a current medication', () => {
    const f = checkPrescription(
      input([['valsartan-amlodipine-80-5mg-tab', 1, 'tablet', 'qd']], {
        current: [{ name: 'Amlodipine 5 mg', ingredients: ['amlodipine'], atc: 'C08CA01' }],
      }),
    );
    expect(f.map((x) => x.kind)).toEqual(['duplicate_therapy']);
    expect(f[0]!.en).toContain('same ingredient (amlodipine)');
  });

  it('an ARB combination counts as an ARB (losartan/HCTZ with valsartan)', () => {
    const f = checkPrescription(
      input([
        ['losartan-hctz-50-12.5mg-tab', 1, 'tablet', 'qd'],
        ['valsartan-80mg-cap', 80, 'mg', 'qd'],
      ]),
    );
    expect(f.map((x) => x.kind)).toEqual(['duplicate_therapy']);
    expect(f[0]!.en).toContain('C09CA');
  });
});

describe('checkPrescription: interactions', () => {
  it('simvastatin with clarithromycin -> contraindicated, in both orders', () => {
    const a = checkPrescription(
      input([
        ['simvastatin-20mg-tab', 20, 'mg', 'qn'],
        ['clarithromycin-250mg-tab', 500, 'mg', 'bid'],
      ]),
    );
    const b = checkPrescription(
      input([
        ['clarithromycin-250mg-tab', 500, 'mg', 'bid'],
        ['simvastatin-20mg-tab', 20, 'mg', 'qn'],
      ]),
    );
    for (const f of [a, b]) {
      expect(f).toHaveLength(1);
      expect(f[0]).toMatchObject({
        kind: 'interaction',
        level: 'critical',
        severity: 'contraindicated',
        itemIndex: 1,
      });
    }
  });

  it('between a new item and a current medication (by ingredient)', () => {
    const f = checkPrescription(
      input([['clarithromycin-250mg-tab', 500, 'mg', 'bid']], {
        current: [{ name: '辛伐他汀', ingredients: ['simvastatin'], atc: null }],
      }),
    );
    expect(f.map((x) => [x.kind, x.with])).toEqual([['interaction', '辛伐他汀']]);
  });
});

describe('checkPrescription: max dose', () => {
  // Source used: the Glucophage US label and the NMPA 格华止 label, max 2550 mg daily.
  it('metformin 1000 mg tid = 3000 mg > 2550 mg -> max_dose', () => {
    const f = checkPrescription(input([['metformin-500mg-tab', 1000, 'mg', 'tid']]));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ kind: 'max_dose', level: 'critical' });
    expect(f[0]!.en).toContain('3000 mg');
    expect(f[0]!.en).toContain('2550 mg');
  });

  it('counts tablets through the strength: 2 tablets of 500 mg tid = 3000 mg', () => {
    expect(kinds(input([['metformin-500mg-tab', 2, 'tablet', 'tid']]))).toEqual(['max_dose:critical:0']);
    expect(kinds(input([['metformin-500mg-tab', 1, 'tablet', 'tid']]))).toEqual([]);
    expect(kinds(input([['metformin-500mg-tab', 850, 'mg', 'tid']]))).toEqual([]); // 2550 mg: at the maximum
  });

  it('no max-dose finding for prn doses', () => {
    expect(kinds(input([['metformin-500mg-tab', 1000, 'mg', 'prn']]))).toEqual([]);
  });
});

describe('checkPrescription: contraindications', () => {
  it.each(['N18.4', 'N18.5', 'N184'])('metformin with CKD %s -> contraindication', (icd10) => {
    const f = checkPrescription(
      input([['metformin-500mg-tab', 500, 'mg', 'bid']], { conditions: [{ icd10, display: '慢性肾脏病' }] }),
    );
    expect(f.map((x) => [x.kind, x.level])).toEqual([['contraindication', 'critical']]);
    expect(f[0]!.with).toContain(icd10);
  });

  it('metformin with CKD stage 3 -> warning only', () => {
    const f = checkPrescription(
      input([['metformin-500mg-tab', 500, 'mg', 'bid']], {
        conditions: [{ icd10: 'N18.3', display: 'CKD 3' }],
      }),
    );
    expect(f.map((x) => [x.kind, x.level])).toEqual([['contraindication', 'warning']]);
  });

  it('levofloxacin for a 15-year-old -> contraindication; not for an 18-year-old', () => {
    const young = checkPrescription(
      input([['levofloxacin-500mg-tab', 500, 'mg', 'qd']], { patient: { ageYears: 15, sex: 'male' } }),
    );
    expect(young.map((x) => [x.kind, x.level])).toEqual([['contraindication', 'critical']]);
    expect(young[0]!.en).toMatch(/under 18/);
    expect(
      kinds(input([['levofloxacin-500mg-tab', 500, 'mg', 'qd']], { patient: { ageYears: 18, sex: 'male' } })),
    ).toEqual([]);
  });

  it('aspirin for a 12-year-old -> contraindication (Reye syndrome)', () => {
    const f = checkPrescription(
      input([['aspirin-ec-100mg-tab', 100, 'mg', 'qd']], { patient: { ageYears: 12, sex: 'female' } }),
    );
    expect(f.map((x) => x.kind)).toEqual(['contraindication']);
  });
});

describe('checkPrescription: pregnancy and lactation', () => {
  it('an ARB in pregnancy is critical; amoxicillin only a note', () => {
    const f = checkPrescription(
      input(
        [
          ['valsartan-80mg-cap', 80, 'mg', 'qd'],
          ['amoxicillin-500mg-cap', 500, 'mg', 'tid'],
        ],
        {
          patient: { ageYears: 30, sex: 'female', pregnant: true },
        },
      ),
    );
    expect(f.map((x) => `${x.kind}:${x.level}:${x.itemIndex}`)).toEqual([
      'pregnancy:critical:0',
      'pregnancy:warning:1',
    ]);
  });

  it('a pregnancy code in the conditions counts as pregnant; lactation by flag', () => {
    expect(
      kinds(
        input([['atorvastatin-20mg-tab', 20, 'mg', 'qd']], { conditions: [{ icd10: 'Z34.0', display: '' }] }),
      ),
    ).toEqual(['pregnancy:critical:0']);
    expect(
      kinds(
        input([['atorvastatin-20mg-tab', 20, 'mg', 'qd']], {
          patient: { ageYears: 30, sex: 'female', lactating: true },
        }),
      ),
    ).toEqual(['lactation:critical:0']);
  });
});

describe('checkPrescription: robustness', () => {
  it('returns no findings for a plain prescription and never throws on odd data', () => {
    expect(checkPrescription(input([['amlodipine-5mg-tab', 5, 'mg', 'qd']]))).toEqual([]);
    const odd = input([['amlodipine-5mg-tab', Number.NaN, 'mg', 'qd']], {
      current: [
        { name: '', ingredients: [], atc: null },
        { name: 'x', ingredients: [''], atc: '??' },
      ],
      allergies: [{ substance: '   ', category: 'drug' }],
      conditions: [
        { icd10: null, display: 'unknown' },
        { icd10: '', display: '' },
      ],
      patient: { ageYears: Number.NaN, sex: 'unknown' },
      interactions: [],
    });
    expect(() => checkPrescription(odd)).not.toThrow();
    expect(checkPrescription(odd)).toEqual([]);
  });

  it('puts critical findings first', () => {
    const f = checkPrescription(
      input([
        ['amlodipine-5mg-tab', 5, 'mg', 'qd'],
        ['nifedipine-cr-30mg-tab', 30, 'mg', 'qd'],
        ['metformin-500mg-tab', 1000, 'mg', 'tid'],
      ]),
    );
    expect(f.map((x) => x.level)).toEqual(['critical', 'warning']);
  });
});

describe('checkPrescription: more allergy classes', () => {
  const allergic = (code: string, substance: string, dose: [number, DoseUnit] = [1, 'tablet']) =>
    checkPrescription(
      input([[code, dose[0], dose[1], 'qd']], { allergies: [{ substance, category: 'drug' }] }),
    ).filter((f) => f.kind === 'allergy');

  it.each([
    ['ibuprofen-sr-300mg-cap', 'NSAIDs', 'critical'],
    ['celecoxib-200mg-cap', '非甾体抗炎药', 'critical'],
    ['ibuprofen-sr-300mg-cap', '阿司匹林', 'critical'], // NSAID labels: contraindicated after aspirin hypersensitivity
    ['aspirin-ec-100mg-tab', 'aspirin', 'critical'],
    ['sulfamethoxazole-trimethoprim-400-80mg-tab', '磺胺', 'critical'],
    ['sulfamethoxazole-trimethoprim-400-80mg-tab', 'sulfa drugs', 'critical'],
    ['celecoxib-200mg-cap', 'sulfonamide', 'critical'], // celecoxib label
    ['iohexol-300mgi-injection', '碘造影剂', 'critical'],
    ['levofloxacin-500mg-tab', '喹诺酮类', 'critical'],
    ['moxifloxacin-400mg-tab', '左氧氟沙星', 'critical'], // '沙星' names the class
    ['azithromycin-250mg-tab', 'macrolides', 'critical'],
    ['enalapril-10mg-tab', '卡托普利（血管性水肿）', 'critical'], // '普利' names the ACE-inhibitor class
  ])('%s with an allergy to %j -> %s', (code, substance, level) => {
    const f = allergic(code, substance);
    expect(f.map((x) => x.level)).toEqual([level]);
  });

  it.each([
    ['furosemide-20mg-tab', '磺胺'], // no cross-reactivity with non-antibiotic sulfonamides (Strom, NEJM 2003)
    ['hydrochlorothiazide-25mg-tab', 'sulfa'],
    ['paracetamol-500mg-tab', 'NSAIDs'],
    ['azithromycin-250mg-tab', 'penicillin'],
    ['clopidogrel-75mg-tab', 'aspirin'],
  ])('%s with an allergy to %j -> no finding', (code, substance) => {
    expect(allergic(code, substance)).toEqual([]);
  });
});

describe('checkPrescription: interactions by class, with combinations and current medications', () => {
  it('losartan/HCTZ counts as an ARB against a current spironolactone (ATC C09C via its ingredient)', () => {
    const f = checkPrescription(
      input([['losartan-hctz-50-12.5mg-tab', 1, 'tablet', 'qd']], {
        current: [{ name: '螺内酯', ingredients: ['spironolactone'], atc: 'C03DA01' }],
      }),
    );
    expect(f.map((x) => [x.kind, x.severity])).toEqual([['interaction', 'major']]);
  });

  it('a current medication known only by ingredient still interacts by class (losartan without ATC + potassium)', () => {
    const f = checkPrescription(
      input([['potassium-chloride-sr-0.5g-tab', 1, 'tablet', 'bid']], {
        current: [{ name: '氯沙坦', ingredients: ['losartan'], atc: null }],
      }),
    );
    expect(f.map((x) => x.kind)).toEqual(['interaction']);
  });

  it('the triple whammy: an NSAID with an ACE inhibitor and a diuretic gives two interaction warnings', () => {
    const f = checkPrescription(
      input([['ibuprofen-sr-300mg-cap', 300, 'mg', 'bid']], {
        current: [
          { name: 'Enalapril', ingredients: ['enalapril'], atc: 'C09AA02' },
          { name: 'Hydrochlorothiazide', ingredients: ['hydrochlorothiazide'], atc: 'C03AA03' },
        ],
      }),
    );
    expect(f.map((x) => `${x.kind}:${x.level}:${x.with}`)).toEqual([
      'interaction:warning:Enalapril',
      'interaction:warning:Hydrochlorothiazide',
    ]);
  });

  it.each([
    ['sildenafil-100mg-tab', 'isosorbide-mononitrate-sr-60mg-tab', 'contraindicated'],
    ['clopidogrel-75mg-tab', 'omeprazole-20mg-cap', 'major'],
    ['omeprazole-20mg-cap', 'clopidogrel-75mg-tab', 'major'],
    ['warfarin-2.5mg-tab', 'amiodarone-200mg-tab', 'major'],
    ['sertraline-50mg-tab', 'tramadol-sr-100mg-tab', 'major'],
    ['enalapril-10mg-tab', 'sacubitril-valsartan-100mg-tab', 'contraindicated'],
    ['enalapril-10mg-tab', 'valsartan-80mg-cap', 'major'],
    ['moxifloxacin-400mg-tab', 'amiodarone-200mg-tab', 'contraindicated'],
    ['zolpidem-10mg-tab', 'paracetamol-codeine-500-8.4mg-tab', 'major'],
    ['levothyroxine-50mcg-tab', 'calcium-carbonate-d3-600mg-tab', 'moderate'],
    ['glimepiride-2mg-tab', 'fluconazole-150mg-cap', 'major'],
    ['ibuprofen-sr-300mg-cap', 'celecoxib-200mg-cap', 'major'],
  ] as const)('%s + %s -> %s', (a, b, severity) => {
    const f = checkPrescription(
      input([
        [a, 1, 'tablet', 'qd'],
        [b, 1, 'tablet', 'qd'],
      ]),
    ).filter((x) => x.kind === 'interaction');
    expect(f.map((x) => x.severity)).toEqual([severity]);
  });

  it('reuses the index for the same interactions array and accepts a custom one', () => {
    const custom = [
      { a: 'amlodipine', b: 'C10AA', severity: 'minor' as const, zh: '测试', en: 'test', source: 'test' },
    ];
    const lines: Line[] = [
      ['amlodipine-5mg-tab', 5, 'mg', 'qd'],
      ['atorvastatin-20mg-tab', 20, 'mg', 'qd'],
    ];
    expect(checkPrescription(input(lines, { interactions: custom })).map((x) => [x.kind, x.level])).toEqual([
      ['interaction', 'warning'],
    ]);
    expect(checkPrescription(input(lines, { interactions: custom }))).toHaveLength(1);
    expect(checkPrescription(input(lines))).toEqual([]);
    // Sides imported from a spreadsheet may come in another case: ' C10aa ' is still the statin class.
    const imported = [{ ...custom[0]!, a: ' Amlodipine ', b: 'c10aa' }];
    expect(checkPrescription(input(lines, { interactions: imported })).map((x) => x.kind)).toEqual([
      'interaction',
    ]);
  });
});

describe('checkPrescription: older patients', () => {
  it('zolpidem at 70 -> warning (AGS Beers criteria)', () => {
    const f = checkPrescription(
      input([['zolpidem-10mg-tab', 10, 'mg', 'qn']], { patient: { ageYears: 70, sex: 'male' } }),
    );
    expect(f.map((x) => [x.kind, x.level])).toEqual([['contraindication', 'warning']]);
  });
  it('methotrexate written daily instead of weekly -> max_dose', () => {
    expect(kinds(input([['methotrexate-2.5mg-tab', 10, 'mg', 'qd']]))).toEqual(['max_dose:critical:0']);
    expect(kinds(input([['methotrexate-2.5mg-tab', 10, 'mg', 'qw']]))).toEqual([]);
  });
});
