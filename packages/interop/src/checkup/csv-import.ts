// A CSV file of the import template, from bytes: encoding detected (UTF-8, UTF-16, GB18030), then RFC 4180.
import { parseCsv } from './csv.ts';
import { decodeText, type TextEncodingName } from './decode-text.ts';
import { addProblem, refuse, rowProblem } from './problems.ts';
import { tabularToReports } from './tabular.ts';
import type { ParseOutcome } from './types.ts';

export function csvToReports(
  input: Uint8Array | string,
  options: { maxRows?: number } = {},
): ParseOutcome & { encoding?: TextEncodingName } {
  const decoded = typeof input === 'string' ? undefined : decodeText(input);
  const text = decoded?.text ?? (input as string);
  if (text.includes('\u0000')) {
    return refuse(
      'csv',
      rowProblem(
        1,
        'not_text',
        'the file holds binary data, not CSV text',
        '文件包含二进制内容，不是 CSV 文本',
      ),
    );
  }
  const csv = parseCsv(text);
  const outcome = tabularToReports(csv.rows, 'csv', options);
  if (csv.unterminatedQuoteRow !== undefined) {
    addProblem(
      outcome,
      rowProblem(
        csv.unterminatedQuoteRow,
        'unterminated_quote',
        'a quoted cell opens here and never closes; the rest of the file was read as part of it',
        '此处的引号没有闭合，文件其余部分被当作同一单元格读取',
      ),
    );
  }
  return decoded ? { ...outcome, encoding: decoded.encoding } : outcome;
}
