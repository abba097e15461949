import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildTemplateXlsx } from './template.ts';
import { readXlsxRowsFast } from './xlsx-fast.ts';
import { cellText, readXlsxRows } from './xlsx.ts';

const SHEET_NAMES = ['体检结果', 'results', 'result', '体检数据'];

/** What the exceljs path of readXlsxRows gives, read without the fast reader. */
async function exceljsRows(bytes: Uint8Array): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheet =
    book.worksheets.find((s) => SHEET_NAMES.includes(s.name.trim().toLowerCase())) ??
    book.worksheets.find((s) => s.actualRowCount > 0) ??
    book.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  const columns = Math.min(sheet.columnCount, 100);
  const rows: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= columns; c += 1) cells.push(cellText(row.getCell(c).value));
    rows.push(cells);
  }
  return rows;
}

async function build(
  fill: (book: ExcelJS.Workbook) => void,
  options: Partial<ExcelJS.XlsxWriteOptions> = {},
): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  fill(book);
  return new Uint8Array(await book.xlsx.writeBuffer(options));
}

async function expectParity(bytes: Uint8Array): Promise<string[][]> {
  const fast = readXlsxRowsFast(bytes);
  expect(fast).toBeDefined();
  expect(fast).toEqual(await exceljsRows(bytes));
  return fast ?? [];
}

// A minimal zip writer, to hand-craft parts exceljs does not write.
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
function zip(files: Record<string, string>, method: 0 | 8 = 8): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const raw = Buffer.from(text, 'utf8');
    const data = method === 8 ? deflateRawSync(raw) : raw;
    const nameBytes = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc32(raw), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc32(raw), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(Object.keys(files).length, 8);
  eocd.writeUInt16LE(Object.keys(files).length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, eocd]));
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const RNS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
function handMade(sheetData: string, sharedStrings: string, extra: { date1904?: boolean } = {}) {
  return {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS} ${RNS}><workbookPr${extra.date1904 ? ' date1904="1"' : ''}/><sheets><sheet name="数据" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    'xl/styles.xml': `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${NS}><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy/m/d\\ h:mm"/><numFmt numFmtId="165" formatCode="&quot;d&quot;0.0"/></numFmts><fonts count="1"><font><sz val="11"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="31" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`,
    'xl/sharedStrings.xml': `<?xml version="1.0" encoding="UTF-8"?><sst ${NS}>${sharedStrings}</sst>`,
    'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS} ${RNS}><sheetData>${sheetData}</sheetData></worksheet>`,
  };
}

describe('readXlsxRowsFast', () => {
  it('reads text, numbers, dates, booleans, rich text and formulas as the exceljs path does', async () => {
    const bytes = await build((book) => {
      const sheet = book.addWorksheet('Sheet1');
      sheet.addRow(['体检编号', 'name', 'a & b <c> "d"', ' padded ', 'line\nbreak', '']);
      sheet.addRow([
        0.1 + 0.2,
        Number('110105198005201231'),
        172,
        -3.5,
        1e-7,
        Number('12345678901234567890'),
      ]);
      const dated = sheet.addRow([
        new Date(Date.UTC(2026, 2, 1)),
        new Date(Date.UTC(2026, 2, 1, 8, 30)),
        new Date(Date.UTC(1899, 11, 31)),
        true,
        false,
      ]);
      dated.getCell(2).numFmt = 'yyyy-mm-dd hh:mm';
      sheet.addRow([
        { richText: [{ text: '空腹' }, { text: '血糖', font: { bold: true } }] },
        { formula: 'A2*2', result: 0.6 },
        { formula: 'A1', result: '体检编号' },
        { formula: '1/0', result: { error: '#DIV/0!' } },
        { formula: 'TRUE()', result: true },
        { formula: 'TODAY()', result: new Date(Date.UTC(2026, 0, 5)) },
        { formula: 'NOW()' },
        { error: '#N/A' },
      ]);
      sheet.getCell('C7').value = 'gap';
      sheet.getCell('J9').value = 42;
      sheet.getCell('L9').style = { font: { bold: true } };
      sheet.getCell('B12').numFmt = '0.00';
    });
    const rows = await expectParity(bytes);
    expect(rows[0]?.slice(0, 3)).toEqual(['体检编号', 'name', 'a & b <c> "d"']);
    expect(rows[1]?.slice(0, 2)).toEqual(['0.3', '110105198005201000']);
    expect(rows[2]?.slice(0, 2)).toEqual(['2026-03-01', '2026-03-01 08:30']);
  });

  it('reads inline strings and text formulas written without shared strings', async () => {
    const bytes = await build(
      (book) => {
        const sheet = book.addWorksheet('results');
        sheet.addRow(['plain', { richText: [{ text: 'rich ' }, { text: 'text', font: { italic: true } }] }]);
        sheet.addRow(['x &amp; y', 'tail']);
      },
      { useSharedStrings: false },
    );
    const xml = readXlsxRowsFast(bytes);
    // exceljs writes rich text inline as runs, which the fast reader leaves to exceljs.
    if (xml !== undefined) expect(xml).toEqual(await exceljsRows(bytes));
    expect(await readXlsxRows(bytes)).toEqual(await exceljsRows(bytes));
    const plain = await build(
      (book) => {
        const sheet = book.addWorksheet('results');
        sheet.addRow(['plain', 'x &amp; y', '<tag>']);
        sheet.addRow([1, 'tail']);
      },
      { useSharedStrings: false },
    );
    await expectParity(plain);
  });

  it('picks the 体检结果 sheet when it is not the first, else the first sheet with rows', async () => {
    const named = await build((book) => {
      book.addWorksheet('说明').addRow(['read me']);
      book.addWorksheet(' 体检结果 ').addRow(['TJ1', 7.2]);
    });
    expect(await expectParity(named)).toEqual([['TJ1', '7.2']]);
    const firstWithRows = await build((book) => {
      book.addWorksheet('empty');
      book.addWorksheet('data').addRow(['TJ2']);
    });
    expect(await expectParity(firstWithRows)).toEqual([['TJ2']]);
    const allEmpty = await build((book) => {
      book.addWorksheet('one');
      book.addWorksheet('two');
    });
    expect(await expectParity(allEmpty)).toEqual([]);
  });

  it('reads the import template', async () => {
    for (const language of ['zh', 'en'] as const) {
      await expectParity(new Uint8Array(await buildTemplateXlsx(language)));
    }
  });

  it('reads hand-made parts: entities, rich shared strings, phonetics, gaps, styles, stored and deflated', async () => {
    const strings =
      '<si><t xml:space="preserve"> 空腹&#x8840;&#31958; &amp; &lt;b&gt; </t></si>' +
      '<si><r><rPr><b/></rPr><t>甘油</t></r><r><t xml:space="preserve">三酯 </t></r></si>' +
      '<si><t>漢字</t><rPh sb="0" eb="2"><t>カンジ</t></rPh><phoneticPr fontId="1"/></si>' +
      '<si><t>tab_x0009_here</t></si><si><t/></si>';
    const sheetData =
      '<row r="2"><c r="B2" t="s"><v>0</v></c><c r="D2" t="s"><v>1</v></c><c r="E2" t="s"><v>2</v></c></row>' +
      '<row r="3"><c r="A3" s="1"><v>46082</v></c><c r="B3" s="2"><v>46082.5208333333</v></c>' +
      '<c r="C3" s="3"><v>46082</v></c><c r="D3" s="4"><v>46082</v></c><c r="E3" s="5"><v>0.30000000000000004</v></c></row>' +
      '<row r="5" spans="1:3"><c r="A5" t="inlineStr"><is><t>inline &amp; more</t></is></c><c r="B5" t="str"><f>A5</f><v>x &amp;amp; y</v></c>' +
      '<c r="C5" t="b"><v>1</v></c><c r="D5" t="e"><v>#REF!</v></c><c r="F5" t="s"><v>3</v></c><c r="G5" t="s"><v>4</v></c></row>' +
      '<row r="6"><c r="A6" s="1"/><c r="H6" s="1"/></row><row r="8"/>';
    for (const method of [0, 8] as const) {
      for (const date1904 of [false, true]) {
        const bytes = zip(handMade(sheetData, strings, { date1904 }), method);
        const rows = await expectParity(bytes);
        if (!date1904) {
          expect(rows[1]?.slice(0, 5)).toEqual(['', ' 空腹血糖 & <b> ', '', '甘油三酯 ', '漢字']);
          expect(rows[2]).toEqual(
            ['2026-03-01', '2026-03-01 12:30', '46082', '46082', '0.3', '', '', ''].slice(0, rows[2]?.length),
          );
        }
      }
    }
  });

  it('leaves merged cells, hyperlinks and damaged workbooks to exceljs, and never throws', async () => {
    const merged = await build((book) => {
      const sheet = book.addWorksheet('Sheet1');
      sheet.addRow(['TJ1', 'x']);
      sheet.mergeCells('A1:B2');
      sheet.getCell('C3').value = { text: 'link', hyperlink: 'https://example.com' };
    });
    expect(readXlsxRowsFast(merged)).toBeUndefined();
    expect(await readXlsxRows(merged)).toEqual(await exceljsRows(merged));

    const good = await build((book) => book.addWorksheet('Sheet1').addRow(['TJ1', 1]));
    const truncated = good.subarray(0, good.length - 10);
    expect(readXlsxRowsFast(truncated)).toBeUndefined();
    const damaged = new Uint8Array(good);
    const cdOffset = new DataView(damaged.buffer).getUint32(damaged.length - 6, true);
    damaged.fill(0x41, cdOffset, cdOffset + 30);
    expect(readXlsxRowsFast(damaged)).toBeUndefined();
    expect(readXlsxRowsFast(new Uint8Array(0))).toBeUndefined();
    expect(readXlsxRowsFast(new Uint8Array(100))).toBeUndefined();
    for (const bytes of [truncated, damaged, new Uint8Array(100)]) {
      await expect(readXlsxRows(bytes)).resolves.toBeDefined();
    }

    const files = handMade('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', '<si><t>ok</t></si>');
    const broken = [
      { ...files, 'xl/sharedStrings.xml': `<sst ${NS}><si><t>&bogus;</t></si></sst>` },
      {
        ...files,
        'xl/worksheets/sheet1.xml': `<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="s"><v>7</v></c></row></sheetData></worksheet>`,
      },
      {
        ...files,
        'xl/worksheets/sheet1.xml': `<worksheet ${NS}><sheetData><row><c r="A1"><v>1</v></c></row></sheetData></worksheet>`,
      },
      { ...files, 'xl/worksheets/sheet1.xml': '<worksheet>' },
      Object.fromEntries(Object.entries(files).filter(([name]) => name !== 'xl/workbook.xml')),
    ];
    for (const parts of broken) {
      const bytes = zip(parts);
      expect(readXlsxRowsFast(bytes)).toBeUndefined();
      await expect(readXlsxRows(bytes)).resolves.toBeDefined();
    }
    // An encrypted entry and an unknown method.
    const encrypted = zip(files, 0);
    const view = new DataView(encrypted.buffer);
    const cd = view.getUint32(encrypted.length - 6, true);
    view.setUint16(cd + 8, 1, true);
    expect(readXlsxRowsFast(encrypted)).toBeUndefined();
    const method = zip(files, 0);
    new DataView(method.buffer).setUint16(
      new DataView(method.buffer).getUint32(method.length - 6, true) + 10,
      12,
      true,
    );
    expect(readXlsxRowsFast(method)).toBeUndefined();
  });

  it('reads a 50,000-row workbook quickly', async () => {
    const bytes = await build((book) => {
      const sheet = book.addWorksheet('体检结果');
      for (let r = 0; r < 50_000; r += 1) {
        sheet.addRow(
          Array.from({ length: 12 }, (_, c) => (c === 0 ? `TJ${r}` : `值${(r * 7 + c) % 997}-${c}`)),
        );
      }
    });
    let started = performance.now();
    const fast = readXlsxRowsFast(bytes);
    const fastMs = performance.now() - started;
    started = performance.now();
    const slow = await exceljsRows(bytes);
    const slowMs = performance.now() - started;
    console.log(
      `50,000 rows x 12 columns (${(bytes.length / 1024 / 1024).toFixed(1)} MB): fast ${fastMs.toFixed(0)} ms, exceljs ${slowMs.toFixed(0)} ms`,
    );
    expect(fast).toHaveLength(50_000);
    expect(fast).toEqual(slow);
    expect(fastMs).toBeLessThan(3000);
  }, 60_000);
});
