// One FHIR Observation (or each of its components) to items.
import { LOINC } from '../fhir/datatypes.ts';
import type { FhirObservation, FhirObservationComponent, FhirObservationValue } from '../fhir/observation.ts';
import { parseFlag } from './flag.ts';
import { itemFromCells, type ItemOutcome } from './item.ts';
import { rowProblem } from './problems.ts';
import type { ParsedItem, RowProblem } from './types.ts';

function valueText(value: FhirObservationValue): string {
  switch (value.kind) {
    case 'quantity':
      return value.value === undefined ? '' : `${value.comparator ?? ''}${value.value}`;
    case 'string':
      return value.text;
    case 'concept':
      return value.text ?? value.coding?.display ?? value.coding?.code ?? '';
    case 'boolean':
      return String(value.value);
    case 'integer':
      return String(value.value);
  }
}

function rangeText(c: FhirObservationComponent): string {
  const range = c.referenceRange;
  if (!range) return '';
  if (range.low !== undefined && range.high !== undefined) return `${range.low}-${range.high}`;
  if (range.high !== undefined) return `<=${range.high}`;
  if (range.low !== undefined) return `>=${range.low}`;
  return range.text ?? '';
}

function componentItem(
  c: FhirObservationComponent,
  rowNo: number,
  path: string,
  observedAt: string | undefined,
  sex: 'male' | 'female' | 'unknown' | undefined,
): ItemOutcome {
  const interpretation = c.interpretation.find((code) => parseFlag(code) !== undefined) ?? '';
  const outcome = itemFromCells(
    {
      rowNo,
      name: c.codeText ?? c.code?.display ?? c.code?.code ?? '',
      code: c.code?.code ?? '',
      codeSystem: c.code?.code === undefined ? undefined : c.code.system === LOINC ? 'loinc' : 'local',
      result: c.value ? valueText(c.value) : '',
      resultIsText: c.value !== undefined && c.value.kind !== 'quantity' && c.value.kind !== 'integer',
      unit: c.value?.kind === 'quantity' ? (c.value.unit ?? '') : '',
      range: rangeText(c),
      flag: interpretation,
      ...(observedAt ? { observedAt } : {}),
      fieldNames: {
        itemName: `${path}.code`,
        code: `${path}.code`,
        result: `${path}.value[x]`,
        flag: `${path}.interpretation`,
      },
    },
    sex,
  );
  const text = c.referenceRange?.text;
  if (outcome.item && text && (c.referenceRange?.low !== undefined || c.referenceRange?.high !== undefined)) {
    outcome.item.refText = text;
  }
  return outcome;
}

const SKIPPED_STATUSES = new Set(['cancelled', 'entered-in-error']);

/** The items of one Observation: itself when it has a value, else each component that has one. */
export function itemsFromObservation(
  observation: FhirObservation,
  rowNo: number,
  sex: 'male' | 'female' | 'unknown' | undefined,
): { items: ParsedItem[]; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const items: ParsedItem[] = [];
  const name = observation.codeText ?? observation.code?.display ?? observation.code?.code ?? 'Observation';
  if (observation.status !== undefined && SKIPPED_STATUSES.has(observation.status)) {
    problems.push(
      rowProblem(
        rowNo,
        'cancelled_result',
        `${name}: the Observation is ${observation.status}; skipped`,
        `${name}：该结果状态为 ${observation.status}（已取消或录入错误），已跳过`,
        `${observation.path}.status`,
      ),
    );
    return { items, problems };
  }
  const observedAt = observation.effective ?? observation.issued;
  const parts: { c: FhirObservationComponent; path: string }[] =
    observation.value || observation.components.length === 0
      ? [{ c: observation, path: observation.path }]
      : observation.components.map((c, i) => ({ c, path: `${observation.path}.component[${i}]` }));
  for (const { c, path } of parts) {
    if (!c.value && !c.code && !c.codeText) continue; // a missing code is reported by the reader already
    const outcome = componentItem(c, rowNo, path, observedAt, sex);
    problems.push(...outcome.problems);
    if (outcome.item) items.push(outcome.item);
  }
  return { items, problems };
}
