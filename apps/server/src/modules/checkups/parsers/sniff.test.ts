import { describe, expect, it } from 'vitest';
import { isRefusal, sniffFormat } from './sniff.ts';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  new Uint8Array(
    parts.flatMap((part) => (typeof part === 'string' ? [...Buffer.from(part, 'latin1')] : part)),
  );

const PDF = bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj');
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0, 0, 0, 13], 'IHDR');
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF');
const WEBP = bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 ');
const XLSX = bytes(
  'PK',
  [3, 4],
  'xxxxxxxxxxxxxxxxxxxxxxxxxx',
  '[Content_Types].xml',
  'PK',
  [3, 4],
  'xl/workbook.xml',
);
const HL7 = Buffer.from('\r\n  MSH|^~\\&|LIS|C|R|H|20260301||ORU^R01|1|P|2.5\rPID|1');
const FHIR = Buffer.from('{\n  "resourceType": "Bundle", "type": "collection"}');
const CSV = Buffer.from('体检编号,姓名\nTJ1,张三\n');

describe('sniffFormat: content decides', () => {
  it.each<[string, Uint8Array, string, string]>([
    ['a PDF', PDF, 'report.pdf', 'pdf'],
    ['a PDF whose header follows a few junk bytes', bytes('\n\n  %PDF-1.4'), 'r.pdf', 'pdf'],
    ['an Excel workbook', XLSX, 'results.xlsx', 'xlsx'],
    ['a PNG', PNG, 'photo.png', 'image'],
    ['a JPEG named .jpg', JPEG, 'IMG_0001.JPG', 'image'],
    ['a JPEG named .png', JPEG, 'photo.png', 'image'],
    ['a WebP', WEBP, 'photo.webp', 'image'],
    ['HL7 after blank lines and spaces', HL7, 'results.hl7', 'hl7'],
    ['HL7 in a .txt file', HL7, 'export.txt', 'hl7'],
    [
      'HL7 saved with its MLLP frame',
      bytes([0x0b], 'MSH|^~\\&|A|B|C|D|1||ORU^R01|1|P|2.5', [0x1c, 0x0d]),
      'in.hl7',
      'hl7',
    ],
    ['FHIR JSON', FHIR, 'bundle.json', 'fhir'],
    ['CSV', CSV, 'template.csv', 'csv'],
    ['CSV without a name', CSV, 'upload', 'csv'],
    ['a PDF without a name', PDF, 'upload', 'pdf'],
  ])('reads %s', (_name, content, fileName, format) => {
    expect(sniffFormat(content, fileName)).toBe(format);
  });
});

describe('sniffFormat: refusals', () => {
  it.each<[string, Uint8Array, string, string]>([
    ['an ELF executable renamed .pdf', bytes([0x7f], 'ELF', [2, 1, 1, 0]), 'report.pdf', 'executable'],
    ['a Windows program renamed .pdf', bytes('MZ', [0x90, 0, 3, 0]), 'report.pdf', 'executable'],
    ['a Mach-O program', bytes([0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1]), 'report.xlsx', 'executable'],
    ['a shell script named .csv', Buffer.from('#!/bin/sh\nrm -rf /\n'), 'data.csv', 'executable'],
    ['text named .pdf', CSV, 'report.pdf', 'type_mismatch'],
    ['a PNG named .pdf', PNG, 'report.pdf', 'type_mismatch'],
    ['a PDF named .xlsx', PDF, 'report.xlsx', 'type_mismatch'],
    ['a PDF named .csv', PDF, 'report.csv', 'type_mismatch'],
    [
      'an old .xls workbook',
      bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      'r.xls',
      'unsupported_type',
    ],
    [
      'a Word document (a zip without xl/)',
      bytes('PK', [3, 4], 'word/document.xml'),
      'r.docx',
      'unsupported_type',
    ],
    [
      'an iPhone HEIC photo',
      bytes([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0]),
      'IMG.HEIC',
      'unsupported_type',
    ],
    ['binary data', bytes([1, 2, 3, 0, 0, 0, 9, 8]), 'data.bin', 'unsupported_type'],
    ['an empty file', new Uint8Array(0), 'empty.csv', 'unsupported_type'],
  ])('refuses %s', (_name, content, fileName, code) => {
    const result = sniffFormat(content, fileName);
    expect(isRefusal(result) && result.code).toBe(code);
    if (isRefusal(result)) {
      expect(result.message).not.toBe('');
      expect(result.messageZh).not.toBe('');
    }
  });

  it('checks a declared media type against the content', () => {
    expect(sniffFormat(CSV, 'upload', 'application/pdf')).toMatchObject({ code: 'type_mismatch' });
    expect(sniffFormat(PDF, 'upload', 'application/pdf')).toBe('pdf');
    expect(sniffFormat(PDF, 'upload', 'application/octet-stream')).toBe('pdf');
  });
});
