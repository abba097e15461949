// One OBX segment to an item: OBX-3 code and name, OBX-5 value, OBX-6 units, OBX-7 range, OBX-8 flags.
import { textOf } from '../hl7v2/message.ts';
import type { ObservationResult } from '../hl7v2/oru.ts';
import type { Hl7Segment } from '../hl7v2/types.ts';
import { LOINC } from '../fhir/datatypes.ts';
import { itemFromCells, type ItemOutcome } from './item.ts';
import { rowProblem } from './problems.ts';

const CODED = new Set(['CE', 'CWE', 'CNE', 'CF']);
const TEXT_TYPES = new Set([...CODED, 'ST', 'TX', 'FT']);

/** OBX-5 as text: the display text of a coded value, the whole first repetition otherwise. */
function valueText(obx: Hl7Segment, observation: ObservationResult): string {
  if (CODED.has(observation.valueType ?? '')) return textOf(obx, 5, 2) ?? textOf(obx, 5, 1) ?? '';
  if (typeof observation.value === 'number') return textOf(obx, 5, 1)?.trim() ?? String(observation.value);
  return observation.value ?? '';
}

/**
 * LN is LOINC; L and 99zzz are local (HL7 table 0396). Senders often leave OBX-3.3 empty or put other text there
 * (the v2.4 spec's own example has a LOINC part name): then a code with a valid LOINC check digit counts as LOINC.
 */
function codeSystemOf(code: string | undefined, system: string | undefined): 'loinc' | 'local' | undefined {
  if (code === undefined) return undefined;
  if (system === LOINC) return 'loinc';
  if (system === 'L' || system?.startsWith('99')) return 'local';
  return undefined;
}

export function itemFromObx(
  obx: Hl7Segment,
  observation: ObservationResult,
  rowNo: number,
  sex: 'male' | 'female' | 'unknown' | undefined,
): ItemOutcome {
  const { code } = observation;
  const name = code.display ?? code.code ?? '';
  if (observation.problems.includes('MISSING_VALUE')) {
    const label = name === '' ? 'an OBX' : name;
    return {
      problems: [
        rowProblem(
          rowNo,
          'missing_value',
          `${label}: OBX-5 (the observation value) is empty; the result was skipped`,
          `${label}：OBX-5（结果值）为空，已跳过`,
          'OBX-5',
        ),
      ],
    };
  }
  return itemFromCells(
    {
      rowNo,
      name,
      code: code.code ?? '',
      codeSystem: codeSystemOf(code.code, code.system),
      result: valueText(obx, observation),
      resultIsText: TEXT_TYPES.has(observation.valueType ?? ''),
      unit: observation.unit ?? '',
      range: observation.referenceRange?.text ?? '',
      flag: observation.abnormalFlags[0] ?? '',
      ...(observation.observedAt ? { observedAt: observation.observedAt } : {}),
      fieldNames: { itemName: 'OBX-3', code: 'OBX-3', result: 'OBX-5', flag: 'OBX-8' },
    },
    sex,
  );
}
