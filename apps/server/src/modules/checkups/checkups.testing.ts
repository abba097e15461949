// Builders for the checkups integration tests: template rows, multipart uploads, waiting for an import to finish.
import { residentIdCheckChar } from '@careloop/contracts';
import { CHECKUP_TEMPLATE_COLUMNS, formatCsv, type TemplateColumnKey } from '@careloop/interop';
import type { CheckupImportJob, CreatedCheckupImport } from '@careloop/contracts';
import type { Client } from '../../../test/harness.ts';

/** A valid resident ID for a birth date (YYYY-MM-DD), region 110105 (Beijing, Chaoyang); odd sequence = male. */
export function residentId(birthDate: string, sex: 'male' | 'female', sequence = 12): string {
  const seq = String(sequence * 2 + (sex === 'male' ? 1 : 0)).padStart(3, '0');
  const first17 = `110105${birthDate.replace(/-/g, '')}${seq}`;
  return first17 + residentIdCheckChar(first17);
}

export interface TemplatePerson {
  name: string;
  sex: 'male' | 'female';
  birthDate: string;
  nationalId: string;
}

export type TemplateRowInput = Partial<Record<TemplateColumnKey, string>>;

/** One template row per item of a person's checkup. */
export function personRows(
  person: TemplatePerson,
  report: { reportNo: string; date: string; center?: string },
  items: readonly [name: string, result: string, unit: string, range: string, flag?: string][],
): TemplateRowInput[] {
  return items.map(([itemName, result, unit, referenceRange, flag]) => ({
    reportNo: report.reportNo,
    nationalId: person.nationalId,
    name: person.name,
    sex: person.sex === 'male' ? '男' : '女',
    birthDate: person.birthDate,
    checkupDate: report.date,
    center: report.center ?? '测试体检中心',
    itemName,
    result,
    unit,
    referenceRange,
    flag: flag ?? '',
  }));
}

/** The rows under the template's Chinese (or English) headers. */
export function templateTable(rows: readonly TemplateRowInput[], language: 'zh' | 'en' = 'zh'): string[][] {
  return [
    CHECKUP_TEMPLATE_COLUMNS.map((c) => (language === 'zh' ? c.zh : c.en)),
    ...rows.map((r) => CHECKUP_TEMPLATE_COLUMNS.map((c) => r[c.key] ?? '')),
  ];
}

export const templateCsv = (rows: readonly TemplateRowInput[]): Buffer =>
  Buffer.from(`\uFEFF${formatCsv(templateTable(rows))}`, 'utf8');

export interface UploadFile {
  name: string;
  content: Buffer | Uint8Array | string;
  type?: string;
}

/** A multipart/form-data body with the files under the field `files`. */
export function multipart(files: readonly UploadFile[]): { payload: Buffer; contentType: string } {
  const boundary = `----careloop${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const file of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${file.name}"\r\n` +
          `Content-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
        'utf8',
      ),
      typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : Buffer.from(file.content),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

export async function upload(client: Client, files: readonly UploadFile[]) {
  const { payload, contentType } = multipart(files);
  return client.request('POST', '/api/v1/checkups/imports', payload, { 'content-type': contentType });
}

/** Uploads and expects a 202. */
export async function startImport(
  client: Client,
  files: readonly UploadFile[],
): Promise<CreatedCheckupImport> {
  const res = await upload(client, files);
  if (res.statusCode !== 202) throw new Error(`import ${res.statusCode} ${res.body}`);
  return res.json() as CreatedCheckupImport;
}

/** Polls an import until it ends; returns every state seen on the way. */
export async function waitForImport(
  client: Client,
  jobId: string,
  timeoutMs = 60_000,
): Promise<{ job: CheckupImportJob; seen: CheckupImportJob[] }> {
  const seen: CheckupImportJob[] = [];
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await client.get(`/api/v1/checkups/imports/${jobId}`);
    if (res.statusCode !== 200) throw new Error(`job ${res.statusCode} ${res.body}`);
    const job = res.json() as CheckupImportJob;
    seen.push(job);
    if (['done', 'failed', 'cancelled'].includes(job.status)) return { job, seen };
    if (Date.now() > until) throw new Error(`import ${jobId} still ${job.status}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Imports files and waits for the job to end. */
export async function importFiles(client: Client, files: readonly UploadFile[]) {
  const created = await startImport(client, files);
  return (await waitForImport(client, created.job.id)).job;
}

export { encodeGb18030 } from '../../../test/gb18030.ts';
