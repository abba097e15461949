// Builders for the monitoring import tests: uploading an export in parts, waiting for its job, multipart bodies.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { MonitoringImport } from '@careloop/contracts';
import type { Client, TestApp } from '../../../../test/harness.ts';

// shared/testdata beside the project, as the interop and checkups tests find it.
const testdata = new URL('../../../../../../../shared/testdata/', import.meta.url);
export const readTestdata = (path: string): Buffer => readFileSync(new URL(path, testdata));

export const importsUrl = (patientId: string) => `/api/v1/patients/${patientId}/monitoring/imports`;

export async function declareImport(client: Client, patientId: string, sizeBytes: number) {
  return client.post(importsUrl(patientId), { kind: 'apple-health', fileName: 'export.xml', sizeBytes });
}

export async function putPart(client: Client, patientId: string, importId: string, n: number, bytes: Buffer) {
  return client.request('PUT', `${importsUrl(patientId)}/${importId}/parts/${n}`, bytes, {
    'content-type': 'application/octet-stream',
  });
}

/**
 * Declares an import and gives it a smaller part size than the server's 8 MiB, so a small real export travels
 * in several parts. The part size is stored on the import, and every later step reads it from there.
 */
export async function declareWithPartSize(
  t: TestApp,
  client: Client,
  patientId: string,
  sizeBytes: number,
  partSize: number,
): Promise<MonitoringImport> {
  const res = await declareImport(client, patientId, sizeBytes);
  expect(res.statusCode, res.body).toBe(201);
  const created = res.json() as MonitoringImport;
  await t.deps.db
    .updateTable('monitoring_imports')
    .set({ part_size: partSize })
    .where('id', '=', created.id)
    .execute();
  return { ...created, partSize };
}

/** Polls the import until its job has finished. */
export async function waitForImport(
  client: Client,
  patientId: string,
  importId: string,
): Promise<MonitoringImport> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const res = await client.get(`${importsUrl(patientId)}/${importId}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as MonitoringImport;
    if (body.status === 'done' || body.status === 'failed') return body;
    if (Date.now() > deadline) throw new Error(`import still ${body.status}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The whole upload: declare, every part in order, complete, wait for the job. */
export async function importExport(
  t: TestApp,
  client: Client,
  patientId: string,
  bytes: Buffer,
  partSize: number,
): Promise<MonitoringImport> {
  const created = await declareWithPartSize(t, client, patientId, bytes.length, partSize);
  for (let n = 0; n * partSize < bytes.length; n += 1) {
    const res = await putPart(
      client,
      patientId,
      created.id,
      n,
      bytes.subarray(n * partSize, (n + 1) * partSize),
    );
    expect(res.statusCode, res.body).toBe(200);
  }
  const done = await client.post(`${importsUrl(patientId)}/${created.id}/complete`);
  expect(done.statusCode, done.body).toBe(200);
  return waitForImport(client, patientId, created.id);
}

/** A multipart/form-data body with one file under the field `file`. */
export function multipartFile(
  name: string,
  content: Uint8Array | string,
): { payload: Buffer; contentType: string } {
  const boundary = `----careloop${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\n` +
        'Content-Type: text/csv\r\n\r\n',
      'utf8',
    ),
    typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}

export { encodeGb18030 } from '../../../../test/gb18030.ts';
