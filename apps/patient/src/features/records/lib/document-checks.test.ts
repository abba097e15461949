import { describe, expect, it } from 'vitest';
import { DOCUMENT_CONTENT_TYPES, DOCUMENT_MAX_BYTES } from '@careloop/contracts';
import {
  CONTENT_TYPES,
  MAX_BYTES,
  checkDocumentFile,
  contentTypeOf,
  titleFromFileName,
} from './document-checks.ts';

describe('limits', () => {
  it('are the server limits', () => {
    expect(MAX_BYTES).toBe(DOCUMENT_MAX_BYTES);
    expect(CONTENT_TYPES).toEqual(DOCUMENT_CONTENT_TYPES);
  });
});

describe('checkDocumentFile', () => {
  it('accepts PDFs and photos up to 20 MB', () => {
    expect(checkDocumentFile({ name: 'a.pdf', size: 1000, type: 'application/pdf' })).toBeNull();
    expect(checkDocumentFile({ name: 'a.png', size: 20 * 1024 * 1024, type: 'image/png' })).toBeNull();
  });

  it('refuses files over 20 MB', () => {
    expect(checkDocumentFile({ name: 'a.jpg', size: 20 * 1024 * 1024 + 1, type: 'image/jpeg' })).toEqual({
      code: 'too_large',
      size: 20 * 1024 * 1024 + 1,
    });
  });

  it('refuses other types', () => {
    expect(checkDocumentFile({ name: 'a.exe', size: 10, type: 'application/x-msdownload' })).toEqual({
      code: 'bad_type',
    });
    expect(checkDocumentFile({ name: 'a.docx', size: 10, type: '' })).toEqual({ code: 'bad_type' });
  });

  it('recognises a HEIC photo by its name when the phone gives no type', () => {
    expect(contentTypeOf({ name: 'IMG_0001.HEIC', type: '' })).toBe('image/heic');
    expect(contentTypeOf({ name: 'x.heif', type: 'image/heif' })).toBe('image/heic');
  });
});

describe('titleFromFileName', () => {
  it('drops the extension', () => {
    expect(titleFromFileName('血常规 2025-06.jpg')).toBe('血常规 2025-06');
    expect(titleFromFileName('.pdf')).toBe('.pdf');
  });
});
