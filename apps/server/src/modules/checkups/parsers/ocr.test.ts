import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { checkImage, closeOcr, recognizeReportImage } from './ocr.ts';

const photo = new Uint8Array(
  readFileSync(new URL('../../../../test/fixtures/checkups/report-photo.png', import.meta.url)),
);

/** A PNG signature and IHDR chunk claiming the given size, followed by nothing real. */
function pngHeader(width: number, height: number, total = 64): Uint8Array {
  const bytes = new Uint8Array(total);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const view = new DataView(bytes.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  return bytes;
}

afterAll(closeOcr);

describe('recognizeReportImage', () => {
  it('reads the key items of a photographed report table with the bundled chi_sim and eng models', async () => {
    const stages = new Set<string>();
    const started = Date.now();
    const outcome = await recognizeReportImage(photo, { onProgress: (p) => stages.add(p.stage) });
    const seconds = (Date.now() - started) / 1000;
    const items = outcome.reports[0]?.items ?? [];
    const glucose = items.find((i) => i.localName === '空腹血糖');
    expect(glucose).toMatchObject({ valueNum: 7.2, flag: 'H', code: { system: 'loinc', code: '14771-0' } });
    expect(items.find((i) => i.localName === '总胆固醇')).toMatchObject({ valueNum: 5.8 });
    expect(items.find((i) => i.localName === '谷丙转氨酶')).toMatchObject({ valueNum: 35 });
    expect(outcome.reports[0]?.patient.name).toBe('张三');
    expect(outcome.reports[0]?.externalId).toBe('TJ20260301001');
    expect(stages.has('recognizing')).toBe(true);
    expect(seconds).toBeLessThan(60);
  }, 120_000);

  it('settles at once when aborted midway, and the next photo still works', async () => {
    const controller = new AbortController();
    const pending = recognizeReportImage(photo, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('stop')), 50);
    await expect(pending).rejects.toThrow('stop');
    const again = await recognizeReportImage(photo);
    expect(again.reports[0]?.items.find((i) => i.localName === '空腹血糖')?.valueNum).toBe(7.2);
  }, 120_000);

  it('refuses an image that cannot be decoded, and keeps working', async () => {
    const garbage = pngHeader(100, 100, 300);
    for (let i = 24; i < garbage.length; i += 1) garbage[i] = (i * 37) % 256;
    const outcome = await recognizeReportImage(garbage);
    expect(outcome.fatal).toMatchObject({ code: 'unreadable_image' });
    const again = await recognizeReportImage(photo);
    expect(again.reports[0]?.items.length).toBeGreaterThan(2);
  }, 120_000);

  it('rejects with the reason when aborted before it starts', async () => {
    const controller = new AbortController();
    controller.abort(new Error('upload cancelled'));
    await expect(recognizeReportImage(photo, { signal: controller.signal })).rejects.toThrow(
      'upload cancelled',
    );
  });
});

describe('checkImage: limits before decoding', () => {
  it('refuses a 50 MB image by its size', () => {
    const big = new Uint8Array(50 * 1024 * 1024);
    big.set(pngHeader(4000, 3000));
    expect(checkImage(big)?.fatal).toMatchObject({ code: 'too_large' });
  });

  it('refuses an image whose header claims too many pixels', () => {
    expect(checkImage(pngHeader(20_000, 100))?.fatal).toMatchObject({ code: 'image_too_large' });
    expect(checkImage(pngHeader(9000, 9000))?.fatal).toMatchObject({ code: 'image_too_large' });
  });

  it('refuses an image whose size cannot be read', () => {
    expect(checkImage(pngHeader(0, 0))?.fatal).toMatchObject({ code: 'unreadable_image' });
    expect(checkImage(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 2]))?.fatal).toMatchObject({
      code: 'unreadable_image',
    });
  });

  it('accepts the fixture photo', () => {
    expect(checkImage(photo)).toBeUndefined();
  });
});
