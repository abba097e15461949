// Apple Health import of a large export.xml (default 1 GiB; APPLE_HEALTH_MB to change): the file is generated on
// the fly (never held whole), uploaded in the API's 8 MiB parts, and read by the import job as one stream. Measured:
// upload and processing time, MB/s, readings/s, and the process's peak resident memory, which must stay flat
// however large the file (the parser streams; a batch of 1,000 readings is the most held at once).
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import type { MonitoringImport } from '@careloop/contracts';
import { createBenchDatabase } from './database.ts';
import { machine, writeResult } from './results.ts';
import { registerPatients, signInDoctor, startRealServer } from './setup.ts';

const MB = 1024 * 1024;
const TARGET_BYTES = Number(process.env['APPLE_HEALTH_MB'] ?? 1024) * MB;

const HEADER =
  '<?xml version="1.0" encoding="UTF-8"?>\n<HealthData locale="zh_CN">\n' +
  ' <ExportDate value="2026-11-20 08:00:00 +0800"/>\n' +
  ' <Me HKCharacteristicTypeIdentifierDateOfBirth="1968-03-12" HKCharacteristicTypeIdentifierBiologicalSex="HKBiologicalSexMale"/>\n';
const FOOTER = '</HealthData>\n';

const pad = (n: number) => String(n).padStart(2, '0');
function appleDate(ms: number): string {
  const d = new Date(ms + 8 * 3_600_000);
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0800`
  );
}

// What a watch-wearer's export is made of: heart rate and steps (stored), distance and energy (not monitored, skipped).
function record(i: number, start: number): string {
  const at = start + i * 60_000;
  const s = appleDate(at);
  const e = appleDate(at + 60_000);
  const common = `sourceName="Apple Watch" sourceVersion="10.1" creationDate="${e}" startDate="${s}" endDate="${e}"`;
  switch (i % 4) {
    case 0:
      return ` <Record type="HKQuantityTypeIdentifierHeartRate" ${common} unit="count/min" value="${60 + (i % 40)}"/>\n`;
    case 1:
      return ` <Record type="HKQuantityTypeIdentifierStepCount" ${common} unit="count" value="${i % 120}"/>\n`;
    case 2:
      return ` <Record type="HKQuantityTypeIdentifierDistanceWalkingRunning" ${common} unit="km" value="0.0${i % 9}"/>\n`;
    default:
      return ` <Record type="HKQuantityTypeIdentifierActiveEnergyBurned" ${common} unit="kcal" value="${(i % 30) / 10}"/>\n`;
  }
}

/** The export as 8 MiB parts, generated one at a time; the total size is known before the first part. */
function* exportParts(partSize: number, start: number): Generator<Buffer> {
  let pending = Buffer.from(HEADER);
  let i = 0;
  let written = 0;
  let done = false;
  while (!done) {
    const pieces: Buffer[] = [pending];
    let size = pending.length;
    while (size < partSize && !done) {
      const chunk: string[] = [];
      for (let k = 0; k < 2000; k++) chunk.push(record(i++, start));
      let text = chunk.join('');
      if (written + size + text.length + FOOTER.length >= TARGET_BYTES) {
        text += FOOTER;
        done = true;
      }
      const b = Buffer.from(text);
      pieces.push(b);
      size += b.length;
    }
    const all = Buffer.concat(pieces);
    let offset = 0;
    while (all.length - offset >= partSize || (done && offset < all.length)) {
      const part = all.subarray(offset, offset + partSize);
      offset += part.length;
      written += part.length;
      yield Buffer.from(part);
    }
    pending = all.subarray(offset);
  }
}

async function call(url: string, init: RequestInit, session: { cookie: string; csrfToken: string }) {
  const res = await fetch(url, {
    ...init,
    headers: {
      cookie: session.cookie,
      'x-csrf-token': session.csrfToken,
      ...(init.headers as Record<string, string>),
    },
  });
  if (!res.ok) throw new Error(`${init.method} ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as MonitoringImport;
}

export async function runAppleHealthBench(): Promise<void> {
  const load = os.loadavg();
  const db = await createBenchDatabase(process.env);
  const server = await startRealServer(db.url);
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 200);
  try {
    const doctor = await signInDoctor(server);
    const [patientId] = await registerPatients(server.url, doctor, 1);
    const base = `${server.url}/api/v1/patients/${patientId}/monitoring/imports`;
    // The size is declared first, as the app does from the picked file: count the generated parts once.
    const start = Date.now() - 5 * 365 * 86_400_000;
    const partSize = 8 * MB;
    let size = 0;
    for (const part of exportParts(partSize, start)) size += part.length;
    const rssBefore = process.memoryUsage().rss;
    const created = await call(
      base,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'apple-health', fileName: 'export.xml', sizeBytes: size }),
      },
      doctor,
    );
    const t0 = performance.now();
    let n = 0;
    for (const part of exportParts(created.partSize, start)) {
      await call(
        `${base}/${created.id}/parts/${n++}`,
        {
          method: 'PUT',
          headers: { 'content-type': 'application/octet-stream' },
          body: new Uint8Array(part),
        },
        doctor,
      );
    }
    const uploaded = performance.now();
    await call(`${base}/${created.id}/complete`, { method: 'POST' }, doctor);
    let state: MonitoringImport;
    let lastLog = 0;
    for (;;) {
      state = await call(`${base}/${created.id}`, { method: 'GET' }, doctor);
      if (state.status === 'done' || state.status === 'failed') break;
      if (performance.now() - lastLog > 10_000) {
        lastLog = performance.now();
        process.stdout.write(
          `  ${((Number(state.bytesProcessed) / size) * 100).toFixed(0)}% processed, ${state.stored} stored\n`,
        );
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    const finished = performance.now();
    const processSeconds = (finished - uploaded) / 1000;
    const result = {
      machine: machine(db.postgresVersion, load),
      sizeMB: Math.round(size / MB),
      parts: n,
      status: state.status,
      error: state.error,
      uploadSeconds: Math.round((uploaded - t0) / 100) / 10,
      processSeconds: Math.round(processSeconds * 10) / 10,
      processMBPerSecond: Math.round((size / MB / processSeconds) * 10) / 10,
      stored: state.stored,
      duplicates: state.duplicates,
      rejected: state.rejected,
      byType: state.byType,
      readingsPerSecond: Math.round(state.stored / processSeconds),
      rssBeforeMB: Math.round(rssBefore / MB),
      peakRssMB: Math.round(peakRss / MB),
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    process.stdout.write(`written ${await writeResult('apple-health', result)}\n`);
  } finally {
    clearInterval(sampler);
    await server.close();
    await db.drop();
  }
}
