import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors/app-error.ts';
import { screenDocument, sniffDocument } from './file-sniff.ts';

const bytes = (...parts: (number[] | string)[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

const SAMPLES = {
  pdf: bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n'),
  jpeg: bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF\0', [0x01, 0x01]),
  png: bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d], 'IHDR'),
  webp: bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '),
  heic: bytes([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0], 'mif1heic'),
  avif: bytes([0, 0, 0, 0x18], 'ftypavif', [0, 0, 0, 0], 'mif1miaf'),
  exe: bytes('MZ', [0x90, 0x00, 0x03], 'This program cannot be run in DOS mode'),
  elf: bytes([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01]),
  script: bytes('#!/bin/sh\nrm -rf /\n'),
  html: bytes('<!doctype html><script>alert(1)</script>'),
};

function refusal(file: { bytes: Buffer; filename: string; declaredType: string }) {
  try {
    screenDocument(file);
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, message: error.errors?.[0]?.message };
    throw error;
  }
  return null;
}

describe('sniffDocument', () => {
  it.each([
    ['pdf', 'application/pdf'],
    ['jpeg', 'image/jpeg'],
    ['png', 'image/png'],
    ['webp', 'image/webp'],
    ['heic', 'image/heic'],
  ] as const)('recognises %s by its magic bytes', (name, type) => {
    expect(sniffDocument(SAMPLES[name])).toBe(type);
  });

  it('finds a PDF header after leading bytes, as PDF readers do', () => {
    expect(sniffDocument(bytes([0xef, 0xbb, 0xbf], '\r\n%PDF-1.4'))).toBe('application/pdf');
  });

  it.each(['avif', 'html', 'exe'] as const)('does not take %s for a document', (name) => {
    expect(sniffDocument(SAMPLES[name])).toBeNull();
  });
});

describe('screenDocument', () => {
  it('accepts a document whatever the browser left undeclared', () => {
    expect(screenDocument({ bytes: SAMPLES.heic, filename: 'IMG_0001.HEIC', declaredType: '' })).toBe(
      'image/heic',
    );
    expect(
      screenDocument({ bytes: SAMPLES.jpeg, filename: 'scan', declaredType: 'application/octet-stream' }),
    ).toBe('image/jpeg');
    expect(screenDocument({ bytes: SAMPLES.jpeg, filename: 'a.jpeg', declaredType: 'image/jpg' })).toBe(
      'image/jpeg',
    );
  });

  it.each([
    [
      'a Windows program renamed to .pdf',
      SAMPLES.exe,
      'report.pdf',
      'application/pdf',
      'RECORD_DOCUMENT_EXECUTABLE',
    ],
    ['an ELF binary', SAMPLES.elf, 'x', '', 'RECORD_DOCUMENT_EXECUTABLE'],
    ['a shell script', SAMPLES.script, 'notes.txt', 'text/plain', 'RECORD_DOCUMENT_EXECUTABLE'],
    ['a PDF named .exe', SAMPLES.pdf, 'report.pdf.exe', 'application/pdf', 'RECORD_DOCUMENT_EXECUTABLE'],
    ['an HTML page', SAMPLES.html, 'report.pdf', 'application/pdf', 'RECORD_DOCUMENT_TYPE_UNSUPPORTED'],
    ['an AVIF image', SAMPLES.avif, 'a.avif', 'image/avif', 'RECORD_DOCUMENT_TYPE_UNSUPPORTED'],
    ['a PNG called .pdf', SAMPLES.png, 'report.pdf', '', 'RECORD_DOCUMENT_TYPE_MISMATCH'],
    ['a PDF declared as an image', SAMPLES.pdf, 'report', 'image/png', 'RECORD_DOCUMENT_TYPE_MISMATCH'],
  ])('refuses %s', (_name, content, filename, declaredType, code) => {
    expect(refusal({ bytes: content, filename, declaredType })?.code).toBe(code);
  });
});
