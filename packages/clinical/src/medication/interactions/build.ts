import type { DrugInteraction } from '../medication.types.ts';

// Conventions of the interaction tables. A side is an ingredient (lower-case INN, as in
// FormularyDrug.ingredients) or an ATC class prefix (upper case, e.g. 'C09A' ACE inhibitors). Severity:
// contraindicated (the label forbids the combination), major (avoid, or only with dose limits and close
// monitoring), moderate (adjust, separate or monitor), minor. Each entry names the label or reference it follows.

export const S = {
  stockley: "Stockley's Drug Interactions, 12th ed. (2019)",
  bnf: 'BNF Appendix 1: Interactions',
  statinFda:
    'FDA Drug Safety Communication 2011-06-08: new restrictions, contraindications and dose limits for Zocor (simvastatin)',
  cyp3a4: 'FDA Drug Development and Drug Interactions: Table of Substrates, Inhibitors and Inducers (2023)',
  qt: 'CredibleMeds QTdrugs list (known risk of torsades de pointes); drug labels',
  triple:
    'Lapi F et al., BMJ 2013;346:e8525 (triple whammy: NSAID + RAS blocker + diuretic and acute kidney injury)',
  opioidBzd:
    'FDA Drug Safety Communication 2016-08-31: boxed warning on opioids with benzodiazepines and other CNS depressants',
  serotonin:
    'Tramadol labels (NMPA 奇曼丁, FDA Ultram): serotonin syndrome and seizures with SSRIs and SNRIs',
  contrast:
    'ACR Manual on Contrast Media 2023 (metformin); 中华医学会放射学分会《碘对比剂使用指南（第2版）》',
} as const;

export const x = (
  a: string,
  b: string,
  severity: DrugInteraction['severity'],
  zh: string,
  en: string,
  source: string,
): DrugInteraction => ({ a, b, severity, zh, en, source });

export const MYOPATHY_ZH = '横纹肌溶解风险增加。';
export const MYOPATHY_EN = 'raises the risk of myopathy and rhabdomyolysis.';
export const BLEED_ZH = '出血风险增加，需监测。';
export const BLEED_EN = 'Increased bleeding risk; monitor.';
