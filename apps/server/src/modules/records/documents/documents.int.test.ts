import { readFile } from 'node:fs/promises';
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../../test/harness.ts';
import { LocalEncryptedFileStore } from '../../../platform/files/index.ts';
import { auditActions, createRecordWorld, outsiders, type RecordWorld } from '../records.testing.ts';

let w: RecordWorld;
let base: string;

beforeAll(async () => {
  w = await createRecordWorld();
  base = `/api/v1/patients/${w.patientId}`;
});
afterAll(() => w.t.close());

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Title (血常规 CONFIDENTIAL-MARKER) >>\nendobj\ntrailer\n%%EOF\n',
  'utf8',
);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(64)]);
const EXE = Buffer.concat([Buffer.from('MZ'), randomBytes(64)]);

interface FilePart {
  name: string;
  type: string;
  bytes: Buffer;
}

function form(
  fields: Record<string, string>,
  file?: FilePart,
  boundary = `----careloop${randomBytes(8).toString('hex')}`,
) {
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  if (file) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    body: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

function upload(
  client: Client,
  fields: Record<string, string>,
  file?: FilePart,
  extra: Record<string, string> = {},
) {
  const { body, headers } = form(fields, file);
  return client.request('POST', `${base}/documents`, body, { ...headers, ...extra });
}

const report = { kind: 'lab_report', title: '血常规 2024-05', documentDate: '2024-05-10' };

describe('uploading documents', () => {
  it('stores the file encrypted, marks the patient’s upload self-reported, and serves it back', async () => {
    const res = await upload(w.patient, report, { name: 'blood.pdf', type: 'application/pdf', bytes: PDF });
    expect(res.statusCode, res.body).toBe(201);
    const doc = res.json();
    expect(doc).toMatchObject({
      kind: 'lab_report',
      title: '血常规 2024-05',
      contentType: 'application/pdf',
      sizeBytes: PDF.length,
      sha256: createHash('sha256').update(PDF).digest('hex'),
      documentDate: '2024-05-10',
      source: 'self',
      recordedBy: { id: w.patientAccountId },
    });

    const row = await w.t.deps.db
      .selectFrom('documents')
      .select('storage_key')
      .where('id', '=', doc.id)
      .executeTakeFirstOrThrow();
    const store = w.t.deps.files;
    expect(store).toBeInstanceOf(LocalEncryptedFileStore);
    const onDisk = await readFile((store as LocalEncryptedFileStore).pathOf(row.storage_key));
    expect(onDisk.equals(PDF)).toBe(false);
    expect(onDisk.includes(Buffer.from('CONFIDENTIAL-MARKER'))).toBe(false);
    expect(onDisk.includes(Buffer.from('%PDF'))).toBe(false);

    const content = await w.doctor.get(`${base}/documents/${doc.id}/content`);
    expect(content.statusCode).toBe(200);
    expect(content.rawPayload.equals(PDF)).toBe(true);
    expect(content.headers['content-type']).toBe('application/pdf');
    expect(content.headers['cache-control']).toBe('private, no-store');
    expect(content.headers['content-disposition']).toBe(
      `inline; filename="___ 2024-05.pdf"; filename*=UTF-8''${encodeURIComponent('血常规 2024-05.pdf')}`,
    );
    const download = await w.patient.get(`${base}/documents/${doc.id}/content?download=true`);
    expect(download.headers['content-disposition']).toMatch(/^attachment; /);
    expect(await auditActions(w)).toEqual(
      expect.arrayContaining(['record.document.upload', 'record.document.read']),
    );
  });

  it('answers the existing document when the same file is uploaded again', async () => {
    const again = await upload(
      w.doctor,
      { kind: 'other', title: 'copy' },
      { name: 'x.pdf', type: 'application/pdf', bytes: PDF },
    );
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().title).toBe('血常规 2024-05');
    const page = (await w.patient.get(`${base}/documents`)).json();
    expect(page.items).toHaveLength(1);
  });

  it('refuses a file over 20 MB with 413 and a problem body', async () => {
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(20 * 1024 * 1024)]);
    const res = await upload(w.patient, report, { name: 'big.pdf', type: 'application/pdf', bytes: big });
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json()).toMatchObject({ code: 'RECORD_DOCUMENT_TOO_LARGE', errors: [{ path: 'file' }] });
  });

  it('refuses programs, other formats and disguised files with 415 naming the problem', async () => {
    const cases: [FilePart, string][] = [
      [{ name: 'report.pdf', type: 'application/pdf', bytes: EXE }, 'RECORD_DOCUMENT_EXECUTABLE'],
      [
        { name: 'page.html', type: 'text/html', bytes: Buffer.from('<html><script>x()</script></html>') },
        'RECORD_DOCUMENT_TYPE_UNSUPPORTED',
      ],
      [{ name: 'report.pdf', type: 'application/pdf', bytes: PNG }, 'RECORD_DOCUMENT_TYPE_MISMATCH'],
    ];
    for (const [file, code] of cases) {
      const res = await upload(w.patient, report, file);
      expect(res.statusCode, file.name).toBe(415);
      expect(res.json()).toMatchObject({ code, errors: [{ path: 'file' }] });
    }
    expect((await w.patient.get(`${base}/documents`)).json().items).toHaveLength(1);
  });

  it('answers 4xx, never 500, to broken or incomplete forms', async () => {
    const noFile = await upload(w.patient, report);
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json()).toMatchObject({ code: 'RECORD_DOCUMENT_MALFORMED', errors: [{ path: 'file' }] });
    const badKind = await upload(
      w.patient,
      { ...report, kind: 'selfie' },
      { name: 'a.png', type: 'image/png', bytes: PNG },
    );
    expect(badKind.statusCode).toBe(400);
    expect(badKind.json().errors[0].path).toBe('kind');
    const json = await w.patient.post(`${base}/documents`, { kind: 'other', title: 'x' });
    expect(json.statusCode).toBe(415);
    const garbage = await w.patient.request('POST', `${base}/documents`, Buffer.from('--nope\r\nbroken'), {
      'content-type': 'multipart/form-data; boundary=xyz',
    });
    expect([400, 415]).toContain(garbage.statusCode);
    const noBoundary = await w.patient.request('POST', `${base}/documents`, Buffer.from('abc'), {
      'content-type': 'multipart/form-data',
    });
    expect(noBoundary.statusCode).toBeGreaterThanOrEqual(400);
    expect(noBoundary.statusCode).toBeLessThan(500);
  });
});

describe('removing documents', () => {
  it('lets the patient remove their own upload, and a clinician only theirs', async () => {
    const own = (
      await upload(
        w.patient,
        { kind: 'photo', title: '药盒' },
        { name: 'box.png', type: 'image/png', bytes: PNG },
      )
    ).json();
    const doctors = (
      await upload(
        w.doctor,
        { kind: 'imaging', title: 'CT' },
        { name: 'ct.pdf', type: 'application/pdf', bytes: Buffer.from('%PDF-1.5 ct') },
      )
    ).json();
    expect(doctors.source).toBe('clinician');
    expect((await w.doctor.delete(`${base}/documents/${own.id}`)).statusCode).toBe(403);
    expect((await w.patient.delete(`${base}/documents/${doctors.id}`)).statusCode).toBe(403);
    expect((await w.patient.delete(`${base}/documents/${own.id}`)).statusCode).toBe(200);
    expect((await w.patient.get(`${base}/documents/${own.id}/content`)).statusCode).toBe(404);
    const ids = (await w.patient.get(`${base}/documents`)).json().items.map((d: { id: string }) => d.id);
    expect(ids).toContain(doctors.id);
    expect(ids).not.toContain(own.id);
  });
});

describe('access', () => {
  it('refuses outsiders every document route without reading their upload', async () => {
    const doc = (await w.patient.get(`${base}/documents`)).json().items[0] as { id: string };
    for (const [who, client] of outsiders(w)) {
      const up = await upload(client, report, { name: 'x.png', type: 'image/png', bytes: PNG });
      expect([403, 404], who).toContain(up.statusCode);
      for (const path of ['documents', `documents/${doc.id}/content`]) {
        const res = await client.get(`${base}/${path}`);
        expect([403, 404], `${who} ${path}`).toContain(res.statusCode);
        expect(res.body).not.toContain('血常规');
      }
      expect([403, 404], who).toContain((await client.delete(`${base}/documents/${doc.id}`)).statusCode);
    }
  });
});
