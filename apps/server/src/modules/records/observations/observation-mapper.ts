import { analyteByLoinc, HOME_READING_NAMES } from '@careloop/clinical';
import type { Observation } from '@careloop/contracts';
import type { Language } from '../../../platform/http/language.ts';
import { provenanceOf } from '../provenance.ts';
import type { ObservationRow } from './observations.repository.ts';

/** The name of an item in the caller's language: the analyte table's for LOINC codes it knows, else as stored. */
export function observationName(
  codeSystem: 'loinc' | 'local',
  code: string,
  stored: string,
  language: Language,
): string {
  const analyte = codeSystem === 'loinc' ? analyteByLoinc(code) : undefined;
  if (!analyte) {
    const home = codeSystem === 'loinc' ? HOME_READING_NAMES[code] : undefined;
    return home ? (language === 'zh-CN' ? home.zh : home.en) : stored;
  }
  return language === 'zh-CN' ? analyte.zh : analyte.en;
}

export function toObservation(row: ObservationRow, language: Language): Observation {
  const { createdAt, ...provenance } = provenanceOf(row);
  return {
    id: row.id,
    patientId: row.patient_id,
    codeSystem: row.code_system,
    code: row.code,
    name: observationName(row.code_system, row.code, row.name, language),
    value: row.value_num,
    valueText: row.value_text,
    unit: row.unit,
    referenceLow: row.ref_low,
    referenceHigh: row.ref_high,
    referenceText: row.ref_text,
    flag: row.flag,
    effectiveAt: row.effective_at.toISOString(),
    status: row.status,
    note: row.note,
    reportId: row.report_id,
    deviceId: row.device_id,
    ...provenance,
    createdAt,
  };
}
