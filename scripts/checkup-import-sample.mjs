// Writes the sample checkup import a health manager can try in the console (体检导入 -> upload):
// docs/samples/checkup-import-sample.xlsx and .csv, about 20 made-up people with one to three yearly checkups each
// in the import template's Chinese columns, and two rows with mistakes so the problem list has something to show.
// The output is the same on every run. Run: npx tsx scripts/checkup-import-sample.mjs (tsx, for the TypeScript it imports)
import { Buffer } from 'node:buffer';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { formatCsv } from '@careloop/interop';
import { generateDemoHouseholds } from '../apps/server/src/demo/demo-data.ts';
import { ageOn } from '../apps/server/src/demo/people.ts';
import { demoCheckupRows } from '../apps/server/src/demo/demo-checkups.ts';
import { templateRows } from '../apps/server/src/demo/demo-checkup-panel.ts';

const TODAY = new Date('2026-10-15T00:00:00Z');
// Other seeds than the demo organisation's, so importing the sample registers new people.
const PEOPLE_SEED = 7_777;
const CHECKUP_SEED = 8_888;
const PEOPLE = 20;
const OUT = fileURLToPath(new URL('../docs/samples/', import.meta.url));

const adults = generateDemoHouseholds({ patients: 60, today: TODAY, seed: PEOPLE_SEED })
  .slice(2) // the demo's well-known families come first whatever the seed; leave them out
  .flatMap((h) => h.members.map((m) => m.patient))
  .filter((p) => ageOn(TODAY, p.birthDate) >= 25)
  .slice(0, PEOPLE);
const profiles = ['glucose', 'liver', 'lipids', 'uric', 'pressure'];
const rows = templateRows(
  demoCheckupRows(
    adults.map((patient, i) => ({ patient, profile: profiles[i % 7] ?? null })),
    TODAY,
    // Report numbers of their own, so they never meet the demo organisation's.
    { seed: CHECKUP_SEED, reportPrefix: 'YB' },
  ),
);

// Two mistakes a real export might hold: a result typed with two decimal points, and a row without any ID.
const header = rows[0];
const column = (zh) => header.indexOf(zh);
const typo = [...rows[5]];
typo[column('结果')] = '12..5';
const noId = [...rows[6]];
noId[column('身份证号')] = '';
noId[column('体检编号')] = 'TJ-NO-ID';
rows.push(typo, noId);

writeFileSync(`${OUT}checkup-import-sample.csv`, `\uFEFF${formatCsv(rows)}`, 'utf8');

/** The zip inside an .xlsx stamps each part with the current time: a fixed clock keeps the file the same. */
async function atFixedTime(write) {
  const RealDate = Date;
  class FixedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(TODAY.getTime());
      else super(...args);
    }
    static now() {
      return TODAY.getTime();
    }
  }
  globalThis.Date = FixedDate;
  try {
    return Buffer.from(await write());
  } finally {
    globalThis.Date = RealDate;
  }
}

const workbook = new ExcelJS.Workbook();
workbook.creator = 'CareLoop';
workbook.created = TODAY;
workbook.modified = TODAY;
const sheet = workbook.addWorksheet('体检结果');
sheet.addRows(rows);
sheet.getRow(1).font = { bold: true };
sheet.views = [{ state: 'frozen', ySplit: 1 }];
sheet.columns.forEach((c) => {
  c.width = 14;
});
writeFileSync(`${OUT}checkup-import-sample.xlsx`, await atFixedTime(() => workbook.xlsx.writeBuffer()));

const reports = new Set(rows.slice(1).map((r) => r[column('体检编号')])).size;
process.stdout.write(
  `wrote ${rows.length - 1} rows (${reports} checkups of ${adults.length} people) to ${OUT}\n`,
);
