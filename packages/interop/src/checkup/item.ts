// One item row from its printed cells: the shared step of the CSV/Excel, PDF and photo parsers.
import { isBlankFlag, isCriticalText, parseFlag } from './flag.ts';
import { suggestLoinc } from './item-names.ts';
import { isValidLoinc, looksLikeLoinc } from './loinc.ts';
import { quote, rowProblem } from './problems.ts';
import { parseReferenceRange } from './reference-range.ts';
import { parseResultValue } from './result-value.ts';
import { cleanCell, cleanText, clip } from './text.ts';
import type { ItemFlag, ParsedItem, RowProblem } from './types.ts';

export interface ItemCells {
  readonly rowNo: number;
  readonly name: string;
  readonly code?: string;
  readonly result: string;
  readonly unit?: string;
  readonly range?: string;
  readonly flag?: string;
  readonly observedAt?: string;
  /** The source types the result as text (FHIR valueString, HL7 ST): never a bad number. */
  readonly resultIsText?: boolean;
  /** What the source says the code is; without it a valid LOINC-shaped code is taken as LOINC. */
  readonly codeSystem?: 'loinc' | 'local';
  /** Field names for problems, when the source names its fields otherwise (OBX-5, valueQuantity). */
  readonly fieldNames?: Partial<Record<'itemName' | 'code' | 'result' | 'flag', string>>;
}

export interface ItemOutcome {
  /** Undefined when the row cannot be kept (no name, no result, a result that is not a number). */
  readonly item?: ParsedItem;
  readonly problems: readonly RowProblem[];
}

function codeOf(
  cells: ItemCells,
  name: string,
  code: string,
  problems: RowProblem[],
): ParsedItem['code'] | undefined {
  const { rowNo, codeSystem } = cells;
  if (code !== '') {
    if (codeSystem === 'local') return { system: 'local', code: clip(code, 64) };
    if (isValidLoinc(code)) return { system: 'loinc', code };
    if (!looksLikeLoinc(code) && codeSystem === undefined) return { system: 'local', code: clip(code, 64) };
    problems.push(
      rowProblem(
        rowNo,
        'invalid_code',
        `item code ${quote(code)} is not a valid LOINC code; it is not used as one`,
        `项目代码 ${quote(code)} 不是有效的 LOINC 编码，不作为 LOINC 使用`,
        cells.fieldNames?.code ?? 'code',
      ),
    );
  }
  const suggested = suggestLoinc(name);
  if (suggested) return { system: 'loinc', code: suggested };
  return code === '' ? undefined : { system: 'local', code: clip(code, 64) };
}

// Words a lab writes instead of a number even for measured items ('未检出' ng/mL, '溶血').
const QUALITATIVE =
  /阴性|阳性|可疑|正常|异常|未检出|检出|微量|少量|未见|溶血|脂血|negative|positive|trace|detected|\bnd\b/i;

/** Text without a digit where the unit and a numeric range show a number belongs: '三十五' U/L, 9-50. */
const expectsNumber = (item: ParsedItem, kind: string): boolean =>
  kind === 'text' &&
  item.unit !== undefined &&
  (item.refLow !== undefined || item.refHigh !== undefined) &&
  !/\d/.test(item.valueText) &&
  !QUALITATIVE.test(item.valueText);

/** A critical flag without direction becomes HH or LL when the value lies outside the range. */
function criticalDirection(item: ParsedItem): ItemFlag | undefined {
  if (item.valueNum === undefined) return undefined;
  if (item.refHigh !== undefined && item.valueNum > item.refHigh) return 'HH';
  if (item.refLow !== undefined && item.valueNum < item.refLow) return 'LL';
  return undefined;
}

export function itemFromCells(cells: ItemCells, sex?: 'male' | 'female' | 'unknown'): ItemOutcome {
  const { rowNo } = cells;
  const field = (key: 'itemName' | 'code' | 'result' | 'flag'): string => cells.fieldNames?.[key] ?? key;
  const problems: RowProblem[] = [];
  const name = clip(cleanText(cells.name), 100);
  if (name === '') {
    return {
      problems: [
        rowProblem(rowNo, 'missing_value', 'the item name is empty', '项目名称为空', field('itemName')),
      ],
    };
  }
  const parsed = parseResultValue(cells.result);
  const result =
    parsed.kind === 'bad_number' && cells.resultIsText ? { ...parsed, kind: 'text' as const } : parsed;
  switch (result.kind) {
    case 'empty':
      return {
        problems: [
          rowProblem(
            rowNo,
            'missing_value',
            `${name}: the result is empty`,
            `${name}：结果为空`,
            field('result'),
          ),
        ],
      };
    case 'not_done':
      return {
        problems: [
          rowProblem(
            rowNo,
            'not_done',
            `${name}: not done (${quote(result.valueText)}), no result to import`,
            `${name}：未检查（${quote(result.valueText)}），没有可导入的结果`,
            field('result'),
          ),
        ],
      };
    case 'bad_number':
      return {
        problems: [
          rowProblem(
            rowNo,
            'bad_number',
            `${name}: the result ${quote(result.valueText)} is not a number`,
            `${name}：结果 ${quote(result.valueText)} 不是有效数字`,
            field('result'),
          ),
        ],
      };
    case 'number':
    case 'censored':
    case 'text':
      break;
  }
  const item: ParsedItem = { rowNo, localName: name, valueText: result.valueText };
  const code = codeOf(cells, name, cleanCell(cells.code ?? ''), problems);
  if (code) item.code = code;
  if (result.valueNum !== undefined) item.valueNum = result.valueNum;
  const unit = clip(cleanCell(cells.unit ?? ''), 40) || (result.unit ?? '');
  if (unit !== '') item.unit = unit;
  const range = parseReferenceRange(cells.range ?? '', sex);
  if (range.refLow !== undefined) item.refLow = range.refLow;
  if (range.refHigh !== undefined) item.refHigh = range.refHigh;
  if (range.refText !== undefined) item.refText = range.refText;
  if (expectsNumber(item, result.kind) && !cells.resultIsText) {
    return {
      problems: [
        rowProblem(
          rowNo,
          'bad_number',
          `${name}: the result ${quote(result.valueText)} is not a number, though the item has a unit and a numeric range`,
          `${name}：结果 ${quote(result.valueText)} 不是数字（该项目有单位和数值参考范围）`,
          field('result'),
        ),
      ],
    };
  }
  const flagText = cleanCell(cells.flag ?? '');
  let flag = parseFlag(flagText) ?? result.flag;
  if (flag === undefined && !isBlankFlag(flagText)) {
    problems.push(
      rowProblem(
        rowNo,
        'invalid_code',
        `${name}: the flag ${quote(flagText)} is not one of ↑ ↓ H L HH LL 偏高 偏低 危急 异常; the item is kept without it`,
        `${name}：提示 ${quote(flagText)} 无法识别（应为 ↑ ↓ H L 偏高 偏低 危急 异常 等），已忽略`,
        field('flag'),
      ),
    );
  }
  if (flag === 'A' && isCriticalText(flagText)) flag = criticalDirection(item) ?? flag;
  if (flag) item.flag = flag;
  if (cells.observedAt) item.observedAt = cells.observedAt;
  return { item, problems };
}
