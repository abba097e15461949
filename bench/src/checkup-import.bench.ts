import os from 'node:os';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { residentIdCheckChar } from '@careloop/contracts';
import { CHECKUP_TEMPLATE_COLUMNS, type TemplateColumnKey } from '@careloop/interop';
import { uuidv7 } from '../../apps/server/src/platform/db/ids.ts';
import { createBenchDatabase } from './database.ts';
import { analyzeTables, signInDoctor, startRealServer, type Doctor, type Listening } from './setup.ts';
import { machine, writeResult } from './results.ts';

const REPORTS = 1_000;
/** The share of the raw insert rate the import should reach. */
const AIM_SHARE = 0.3;

// A yearly checkup panel of 50 items as checkup centres print them: name, LOINC when there is one, unit, range,
// and a typical value. Names are the local ones the import maps (or keeps for review when it cannot).
const PANEL: readonly (readonly [name: string, loinc: string, unit: string, range: string, mean: number])[] =
  [
    ['身高', '8302-2', 'cm', '', 168],
    ['体重', '29463-7', 'kg', '', 66],
    ['体重指数', '39156-5', 'kg/m2', '18.5-23.9', 23.4],
    ['收缩压', '8480-6', 'mmHg', '90-139', 126],
    ['舒张压', '8462-4', 'mmHg', '60-89', 79],
    ['心率', '8867-4', '次/分', '60-100', 74],
    ['白细胞计数', '6690-2', '10^9/L', '3.5-9.5', 6.1],
    ['红细胞计数', '789-8', '10^12/L', '3.8-5.8', 4.7],
    ['血红蛋白', '718-7', 'g/L', '115-175', 142],
    ['红细胞压积', '4544-3', '%', '35-50', 42],
    ['平均红细胞体积', '787-2', 'fL', '82-100', 90],
    ['平均红细胞血红蛋白量', '785-6', 'pg', '27-34', 30],
    ['平均红细胞血红蛋白浓度', '786-4', 'g/L', '316-354', 335],
    ['血小板计数', '777-3', '10^9/L', '125-350', 231],
    ['中性粒细胞百分比', '770-8', '%', '40-75', 58],
    ['淋巴细胞百分比', '736-9', '%', '20-50', 32],
    ['单核细胞百分比', '5905-5', '%', '3-10', 6],
    ['嗜酸性粒细胞百分比', '713-8', '%', '0.4-8', 2.4],
    ['嗜碱性粒细胞百分比', '706-2', '%', '0-1', 0.5],
    ['丙氨酸氨基转移酶', '1742-6', 'U/L', '9-50', 26],
    ['天门冬氨酸氨基转移酶', '1920-8', 'U/L', '15-40', 23],
    ['γ-谷氨酰转移酶', '2324-2', 'U/L', '10-60', 28],
    ['碱性磷酸酶', '6768-6', 'U/L', '45-125', 78],
    ['总蛋白', '2885-2', 'g/L', '65-85', 73],
    ['白蛋白', '1751-7', 'g/L', '40-55', 46],
    ['球蛋白', '10834-0', 'g/L', '20-40', 27],
    ['总胆红素', '1975-2', 'umol/L', '0-26', 12.4],
    ['直接胆红素', '1968-7', 'umol/L', '0-8', 3.6],
    ['尿素', '3091-6', 'mmol/L', '3.1-8.0', 5.2],
    ['肌酐', '2160-0', 'umol/L', '57-111', 78],
    ['尿酸', '3084-1', 'umol/L', '208-428', 356],
    ['空腹血糖', '14771-0', 'mmol/L', '3.9-6.1', 5.3],
    ['糖化血红蛋白', '4548-4', '%', '4.0-6.0', 5.6],
    ['总胆固醇', '2093-3', 'mmol/L', '<5.2', 4.8],
    ['甘油三酯', '2571-8', 'mmol/L', '<1.7', 1.4],
    ['高密度脂蛋白胆固醇', '2085-9', 'mmol/L', '>1.0', 1.3],
    ['低密度脂蛋白胆固醇', '13457-7', 'mmol/L', '<3.4', 2.9],
    ['钾', '2823-3', 'mmol/L', '3.5-5.3', 4.2],
    ['钠', '2951-2', 'mmol/L', '137-147', 141],
    ['氯', '2075-0', 'mmol/L', '99-110', 104],
    ['钙', '17861-6', 'mmol/L', '2.11-2.52', 2.3],
    ['甲胎蛋白', '1834-1', 'ng/mL', '0-7', 3.1],
    ['癌胚抗原', '2039-6', 'ng/mL', '0-5', 1.9],
    ['促甲状腺激素', '3016-3', 'mIU/L', '0.27-4.2', 1.9],
    ['游离甲状腺素', '3024-7', 'pmol/L', '12-22', 16],
    ['尿比重', '5811-5', '', '1.003-1.030', 1.018],
    ['尿pH', '5803-2', '', '5.0-8.0', 6.0],
    ['同型半胱氨酸', '13965-9', 'umol/L', '0-15', 11],
    ['C反应蛋白', '1988-5', 'mg/L', '0-10', 2.1],
    ['眼压', '', 'mmHg', '10-21', 15],
  ];

interface Person {
  reportNo: string;
  nationalId: string;
  name: string;
  sex: 'male' | 'female';
  birthDate: string;
  checkupDate: string;
}

export function people(offset: number): Person[] {
  return Array.from({ length: REPORTS }, (_, k) => {
    const i = offset + k;
    const sex = i % 2 ? 'male' : 'female';
    const birthDate = `19${String(50 + (i % 45)).padStart(2, '0')}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const seq = String(((i % 499) * 2 + (sex === 'male' ? 1 : 0)) % 1000).padStart(3, '0');
    const first17 = `${String(110101 + Math.floor(i / 499))}${birthDate.replace(/-/g, '')}${seq}`;
    return {
      reportNo: `TJ2026${String(i).padStart(6, '0')}`,
      nationalId: first17 + residentIdCheckChar(first17),
      name: `基准受检者${i}`,
      sex,
      birthDate,
      checkupDate: `2026-${String(1 + (i % 10)).padStart(2, '0')}-${String(1 + (i % 27)).padStart(2, '0')}`,
    };
  });
}

/** A value near the item's mean that varies by person and item, deterministically. */
const valueOf = (personIndex: number, itemIndex: number, mean: number) =>
  Math.round(mean * (0.85 + (((personIndex * 31 + itemIndex * 17) % 100) / 100) * 0.3) * 100) / 100;

export async function excelFile(persons: Person[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('体检结果');
  sheet.addRow(CHECKUP_TEMPLATE_COLUMNS.map((c) => c.zh));
  persons.forEach((p, pi) => {
    PANEL.forEach(([name, , unit, range, mean], ii) => {
      const cells: Partial<Record<TemplateColumnKey, string>> = {
        reportNo: p.reportNo,
        nationalId: p.nationalId,
        name: p.name,
        sex: p.sex === 'male' ? '男' : '女',
        birthDate: p.birthDate,
        checkupDate: p.checkupDate,
        center: '基准体检中心',
        itemName: name,
        result: String(valueOf(pi, ii, mean)),
        unit,
        referenceRange: range,
      };
      sheet.addRow(CHECKUP_TEMPLATE_COLUMNS.map((c) => cells[c.key] ?? ''));
    });
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function hl7File(persons: Person[]): Buffer {
  const messages = persons.map((p, pi) => {
    const ts = p.checkupDate.replace(/-/g, '') + '0830';
    const segments = [
      `MSH|^~\\&|LIS|BENCH|CARELOOP|BENCH|${ts}||ORU^R01|MSG${p.reportNo}|P|2.5.1`,
      `PID|1||${p.nationalId}^^^^NNCHN||${p.name}||${p.birthDate.replace(/-/g, '')}|${p.sex === 'male' ? 'M' : 'F'}`,
      `OBR|1|${p.reportNo}|${p.reportNo}|CHECKUP^年度体检|||${ts}`,
      ...PANEL.map(([name, loinc, unit, range, mean], ii) => {
        const code = loinc ? `${loinc}^${name}^LN` : `LOCAL${ii}^${name}^L`;
        // '^' separates components in HL7 v2, so a unit such as 10^9/L is written with the escape \\S\\.
        const hl7Unit = unit.replace(/\^/g, '\\S\\');
        return `OBX|${ii + 1}|NM|${code}||${valueOf(pi, ii, mean)}|${hl7Unit}|${range}||||F|||${ts}`;
      }),
    ];
    return segments.join('\r');
  });
  return Buffer.from(`${messages.join('\r')}\r`, 'utf8');
}

function multipart(name: string, bytes: Buffer, type: string): { body: Buffer; contentType: string } {
  const boundary = `----careloopbench${Date.now().toString(16)}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

interface ImportFigures {
  format: string;
  fileBytes: number;
  seconds: number;
  reportsCreated: number;
  itemsStored: number;
  problems: number;
  itemsPerSecond: number;
}

/** Uploads one file as the console does and waits for the job to finish: the clock runs from upload to done. */
async function importThroughApi(
  server: Listening,
  doctor: Doctor,
  format: string,
  file: { name: string; bytes: Buffer; type: string },
): Promise<ImportFigures> {
  const { body, contentType } = multipart(file.name, file.bytes, file.type);
  const headers = { cookie: doctor.cookie, 'x-csrf-token': doctor.csrfToken };
  const started = performance.now();
  const res = await fetch(`${server.url}/api/v1/checkups/imports`, {
    method: 'POST',
    headers: { ...headers, 'content-type': contentType },
    body: new Uint8Array(body),
  });
  if (res.status !== 202) throw new Error(`${format} import answered ${res.status}: ${await res.text()}`);
  const { job } = (await res.json()) as { job: { id: string } };
  for (;;) {
    const poll = await fetch(`${server.url}/api/v1/checkups/imports/${job.id}`, { headers });
    const state = (await poll.json()) as {
      status: string;
      reportsCreated: number;
      itemsStored: number;
      problemCount: number;
    };
    if (state.status === 'failed' || state.status === 'cancelled')
      throw new Error(`${format} import ${state.status}`);
    if (state.status === 'done') {
      const seconds = (performance.now() - started) / 1000;
      return {
        format,
        fileBytes: file.bytes.length,
        seconds: Math.round(seconds * 100) / 100,
        reportsCreated: state.reportsCreated,
        itemsStored: state.itemsStored,
        problems: state.problemCount,
        itemsPerSecond: Math.round(state.itemsStored / seconds),
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The floor: the same number of observation rows, written with pg as multi-row INSERTs of 1,000 rows into the same
 * table with the same indexes, for patients that already exist. No parsing, no patient matching, no mapping, no
 * flags, no follow-up rules, no audit.
 */
async function rawInsert(databaseUrl: string, orgId: string): Promise<ImportFigures> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const patientIds = Array.from({ length: REPORTS }, () => uuidv7());
    for (let i = 0; i < patientIds.length; i += 500) {
      const chunk = patientIds.slice(i, i + 500);
      const values = chunk.map(
        (_, k) => `($${k * 3 + 1}, $${k * 3 + 2}, $${k * 3 + 3}, 'raw', 'raw', 'female', '1970-01-01')`,
      );
      await client.query(
        `INSERT INTO patients (id, org_id, mrn, name, name_search, sex, birth_date) VALUES ${values.join(',')}`,
        chunk.flatMap((id, k) => [id, orgId, `RAW${i + k}`]),
      );
    }
    const rows: unknown[][] = [];
    patientIds.forEach((patientId, pi) => {
      PANEL.forEach(([name, loinc, unit, range, mean], ii) => {
        const id = uuidv7();
        rows.push([
          id,
          orgId,
          patientId,
          loinc ? 'loinc' : 'local',
          loinc || name,
          name,
          valueOf(pi, ii, mean),
          unit || null,
          range || null,
          new Date(Date.UTC(2026, pi % 10, 1 + (pi % 27))),
          'checkup',
          `raw:${pi}:${ii}`,
        ]);
      });
    });
    const started = performance.now();
    const COLUMNS = 12;
    for (let i = 0; i < rows.length; i += 1000) {
      const chunk = rows.slice(i, i + 1000);
      const values = chunk.map(
        (_, k) => `(${Array.from({ length: COLUMNS }, (_, c) => `$${k * COLUMNS + c + 1}`).join(',')})`,
      );
      await client.query(
        `INSERT INTO observations (id, org_id, patient_id, code_system, code, name, value_num, unit, ref_text, effective_at, source, dedupe_key) VALUES ${values.join(',')}`,
        chunk.flat(),
      );
    }
    const seconds = (performance.now() - started) / 1000;
    return {
      format: 'raw multi-row INSERT',
      fileBytes: 0,
      seconds: Math.round(seconds * 100) / 100,
      reportsCreated: REPORTS,
      itemsStored: rows.length,
      problems: 0,
      itemsPerSecond: Math.round(rows.length / seconds),
    };
  } finally {
    await client.end();
  }
}

/** Import of 1,000 checkup reports of 50 items from Excel and from HL7, beside a raw multi-row INSERT of as many rows. */
export async function runCheckupImport(): Promise<void> {
  const loadAverageAtStart = os.loadavg();
  const database = await createBenchDatabase(process.env);
  const open: Listening[] = [];
  try {
    const server = await startRealServer(database.url);
    open.push(server);
    const doctor = await signInDoctor(server);
    process.stdout.write(`building ${REPORTS} reports x ${PANEL.length} items as Excel and as HL7...\n`);
    const xlsx = await excelFile(people(0));
    const hl7 = hl7File(people(REPORTS));
    await analyzeTables(server);

    process.stdout.write('raw multi-row INSERT...\n');
    const raw = await rawInsert(database.url, doctor.orgId);
    process.stdout.write('Excel import...\n');
    const excel = await importThroughApi(server, doctor, 'Excel (.xlsx) import', {
      name: 'checkups.xlsx',
      bytes: xlsx,
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    process.stdout.write('HL7 import...\n');
    const oru = await importThroughApi(server, doctor, 'HL7 v2 ORU^R01 import', {
      name: 'checkups.hl7',
      bytes: hl7,
      type: 'application/hl7-v2',
    });
    const cases = [raw, excel, oru];
    for (const c of [excel, oru]) {
      if (c.itemsStored !== REPORTS * PANEL.length)
        throw new Error(
          `${c.format} stored ${c.itemsStored} items, expected ${REPORTS * PANEL.length} (${c.problems} problems)`,
        );
    }
    const share = (c: ImportFigures) => Math.round((c.itemsPerSecond / raw.itemsPerSecond) * 1000) / 1000;
    const result = {
      machine: machine(database.postgresVersion, loadAverageAtStart),
      method: { reports: REPORTS, itemsPerReport: PANEL.length, order: cases.map((c) => c.format) },
      cases: cases.map((c) => ({ ...c, shareOfRawInsert: share(c) })),
      aim: { shareOfRawInsert: AIM_SHARE, met: share(excel) >= AIM_SHARE && share(oru) >= AIM_SHARE },
    };
    const file = await writeResult('checkup-import', result);
    process.stdout.write(
      `${result.cases
        .map(
          (c) =>
            `${c.format}: ${c.itemsStored} items in ${c.seconds} s = ${c.itemsPerSecond} items/s (${Math.round(c.shareOfRawInsert * 100)}% of raw)`,
        )
        .join(
          '\n',
        )}\naim >= ${AIM_SHARE * 100}% of raw: ${result.aim.met ? 'met' : 'NOT met'}\nwrote ${file}\n`,
    );
  } finally {
    for (const server of open.reverse()) await server.close();
    await database.drop();
  }
}
