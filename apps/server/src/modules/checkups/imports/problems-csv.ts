import type { CheckupImportProblem } from '@careloop/contracts';
import type { Language } from '../../../platform/http/language.ts';

const HEADERS = {
  'zh-CN': ['文件', '行号', '字段', '问题代码', '说明'],
  'en-US': ['File', 'Row', 'Field', 'Code', 'Problem'],
} as const;

/**
 * A cell as Excel should read it: quoted when needed, and a leading =, +, -, @ (or tab/CR) neutralised so a hostile
 * cell quoted back in a message cannot run as a formula (CSV injection).
 */
function cell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The problems of an import as CSV for Excel: UTF-8 with a byte-order mark, CRLF line ends. */
export function problemsCsv(problems: readonly CheckupImportProblem[], language: Language): Buffer {
  const lines = [
    HEADERS[language].map(cell).join(','),
    ...problems.map((p) => [p.fileName, p.rowNo, p.field, p.code, p.message].map(cell).join(',')),
  ];
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8')]);
}
