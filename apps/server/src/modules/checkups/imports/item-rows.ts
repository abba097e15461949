// A parsed checkup item becomes one observation: coded (the org's mapping table first, then a LOINC code the
// source sent, then the name dictionary's suggestion), in the analyte's unit where it converts, else kept under its
// local name for review. Nothing is dropped.
import { analyteByLoinc } from '@careloop/clinical';
import {
  isValidLoinc,
  normalizeItemName,
  suggestLoinc,
  type ParsedItem,
  type RowProblem,
} from '@careloop/interop';
import { harmonizeUnit, normalizeUnit } from './item-units.ts';
import { toInstant } from './zoned-time.ts';

export interface ItemMapping {
  loinc: string;
  unit: string | null;
}

export interface CheckupItemRow {
  codeSystem: 'loinc' | 'local';
  code: string;
  name: string;
  valueNum: number | null;
  valueText: string | null;
  unit: string | null;
  refLow: number | null;
  refHigh: number | null;
  refText: string | null;
  flag: ParsedItem['flag'] | null;
  effectiveAt: Date;
  dedupeKey: string;
  note: string | null;
}

export interface ItemRowsResult {
  rows: CheckupItemRow[];
  unmapped: number;
  problems: RowProblem[];
}

/** Local codes are the normalized name, cut to a length an index and a screen can hold. */
const MAX_LOCAL_CODE = 100;

function codeFor(item: ParsedItem, normalized: string, mappings: ReadonlyMap<string, ItemMapping>) {
  const mapped = mappings.get(normalized);
  if (mapped) return { system: 'loinc' as const, code: mapped.loinc, mappingUnit: mapped.unit };
  if (item.code?.system === 'loinc' && isValidLoinc(item.code.code))
    return { system: 'loinc' as const, code: item.code.code, mappingUnit: null };
  const suggested = suggestLoinc(item.localName);
  if (suggested) return { system: 'loinc' as const, code: suggested, mappingUnit: null };
  return { system: 'local' as const, code: normalized.slice(0, MAX_LOCAL_CODE), mappingUnit: null };
}

export function buildItemRows(input: {
  items: readonly ParsedItem[];
  reportKey: string;
  performedAt: Date;
  timeZone: string;
  mappings: ReadonlyMap<string, ItemMapping>;
}): ItemRowsResult {
  const rows: CheckupItemRow[] = [];
  const problems: RowProblem[] = [];
  // The dedupe key names the item and its occurrence in the report (not its row number), so a re-export of the same
  // report with rows in another order, or after the item was mapped, still finds the stored observation.
  const occurrences = new Map<string, number>();
  let unmapped = 0;
  for (const item of input.items) {
    const normalized = normalizeItemName(item.localName) || item.localName.trim();
    const nth = (occurrences.get(normalized) ?? 0) + 1;
    occurrences.set(normalized, nth);
    const valueText = item.valueText.trim();
    if (item.valueNum === undefined && valueText === '') continue; // the parser reported it as missing_value
    const code = codeFor(item, normalized, input.mappings);
    if (code.system === 'local') unmapped += 1;

    let numbers = {
      valueNum: item.valueNum ?? null,
      refLow: item.refLow ?? null,
      refHigh: item.refHigh ?? null,
      unit: normalizeUnit(item.unit) ?? normalizeUnit(code.mappingUnit),
    };
    let note: string | null = null;
    const analyte = code.system === 'loinc' ? analyteByLoinc(code.code) : undefined;
    if (analyte) {
      const harmonized = harmonizeUnit(analyte, numbers);
      numbers = harmonized;
      if (harmonized.reportedAs) note = `reported as ${harmonized.reportedAs}`;
      if (harmonized.unknownUnit) {
        problems.push({
          rowNo: item.rowNo,
          field: 'unit',
          code: 'unit_unknown',
          message: `"${harmonized.unknownUnit}" cannot be converted to ${analyte.reportedUnit} for ${item.localName}; the value is kept as reported`,
          messageZh: `${item.localName} 的单位“${harmonized.unknownUnit}”无法换算为 ${analyte.reportedUnit}，已按原值保存`,
        });
      }
    }
    const observedAt = item.observedAt ? toInstant(item.observedAt, input.timeZone) : undefined;
    rows.push({
      codeSystem: code.system,
      code: code.code,
      name: item.localName.trim().slice(0, 200),
      valueNum: numbers.valueNum,
      // A plain number is kept as a number (a converted one says in the note how it was reported); text results
      // ('阴性', '<0.1') keep their wording.
      valueText: item.valueNum === undefined ? valueText || null : null,
      unit: numbers.unit,
      refLow: numbers.refLow,
      refHigh: numbers.refHigh,
      refText: item.refText?.trim() || null,
      flag: item.flag ?? null,
      effectiveAt: observedAt ?? input.performedAt,
      dedupeKey: `checkup:${input.reportKey}:${normalized}:${nth}`,
      note,
    });
  }
  return { rows, unmapped, problems };
}
