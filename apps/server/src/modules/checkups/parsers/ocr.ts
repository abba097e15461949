// Photos of printed reports: tesseract.js with the Simplified Chinese and English models that npm packages ship
// (@tesseract.js-data/chi_sim and /eng), so nothing is downloaded at run time. One worker is created on first use,
// reused for every photo (one at a time), and ended by closeOcr().
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ocrTextToReport, refuse, rowProblem, type ParseOutcome } from '@careloop/interop';
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';
import { imageSize } from './image-size.ts';
import { MAX_BYTES, MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE } from './limits.ts';

const require = createRequire(import.meta.url);
// Both models, English first: in the order chi_sim+eng tesseract.js-core 7 tries to load a language with a
// garbled name at start ("Failed loading language '玂臎'") and reads units such as g/L and U/L worse.
const LANGUAGES = ['eng', 'chi_sim'] as const;

export interface OcrProgress {
  /** 'loading' while the models load (first photo only), then 'recognizing'. */
  readonly stage: 'loading' | 'recognizing';
  /** 0..1 within the stage. */
  readonly progress: number;
}

export interface OcrOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: OcrProgress) => void;
}

interface OcrEngine {
  readonly worker: Worker;
  readonly langDir: string;
}

let engine: Promise<OcrEngine> | undefined;
let queue: Promise<unknown> = Promise.resolve();
let reportProgress: ((progress: OcrProgress) => void) | undefined;

/**
 * tesseract.js reads every language from one langPath; the two packages keep theirs apart. A private temporary
 * folder of links to the packages' LSTM models (4.0.0_best_int, gzipped) joins them, and cacheMethod 'none' keeps
 * tesseract from writing unzipped copies into the working directory.
 */
async function linkModels(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'careloop-tessdata-'));
  for (const lang of LANGUAGES) {
    const pkg = dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`));
    await symlink(join(pkg, '4.0.0_best_int', `${lang}.traineddata.gz`), join(dir, `${lang}.traineddata.gz`));
  }
  return dir;
}

function startEngine(): Promise<OcrEngine> {
  engine ??= (async () => {
    const langDir = await linkModels();
    try {
      const worker = await createWorker(LANGUAGES.join('+'), OEM.LSTM_ONLY, {
        langPath: langDir,
        cacheMethod: 'none',
        gzip: true,
        // Without a handler tesseract.js rethrows a failed job (an undecodable image) from its message listener,
        // which crashes the process; the job's own promise rejects with the same error anyway.
        errorHandler: () => undefined,
        logger: (message) => {
          const stage = message.status.startsWith('recognizing') ? 'recognizing' : 'loading';
          reportProgress?.({ stage, progress: message.progress });
        },
      });
      // A report table reads best as one block of lines (automatic layout splits its columns into separate
      // blocks); keeping runs of spaces keeps the column gaps.
      await worker.setParameters({ tessedit_pageseg_mode: PSM.SINGLE_BLOCK, preserve_interword_spaces: '1' });
      return { worker, langDir };
    } catch (error) {
      await rm(langDir, { recursive: true, force: true });
      throw error;
    }
  })().catch((error: unknown) => {
    engine = undefined;
    throw error;
  });
  return engine;
}

/** Ends the OCR worker (at shutdown, or after an aborted recognition); the next photo starts a new one. */
export async function closeOcr(): Promise<void> {
  const current = engine;
  engine = undefined;
  if (!current) return;
  const { worker, langDir } = await current.catch(() => ({ worker: undefined, langDir: undefined }));
  try {
    await worker?.terminate();
  } finally {
    if (langDir) await rm(langDir, { recursive: true, force: true });
  }
}

/** Size and dimension limits, checked on the header before anything decodes the image. */
export function checkImage(bytes: Uint8Array): ParseOutcome | undefined {
  if (bytes.length > MAX_BYTES.image) {
    return refuse(
      'image',
      rowProblem(
        1,
        'too_large',
        `the photo is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; at most ${MAX_BYTES.image / 1024 / 1024} MB`,
        `照片大小为 ${(bytes.length / 1024 / 1024).toFixed(1)} MB，不能超过 ${MAX_BYTES.image / 1024 / 1024} MB`,
      ),
    );
  }
  const size = imageSize(bytes);
  if (!size || size.width === 0 || size.height === 0) {
    return refuse(
      'image',
      rowProblem(
        1,
        'unreadable_image',
        'the image is damaged or its size cannot be read',
        '图片已损坏或无法读取尺寸',
      ),
    );
  }
  if (
    size.width > MAX_IMAGE_SIDE ||
    size.height > MAX_IMAGE_SIDE ||
    size.width * size.height > MAX_IMAGE_PIXELS
  ) {
    return refuse(
      'image',
      rowProblem(
        1,
        'image_too_large',
        `the image is ${size.width}×${size.height} pixels; at most ${MAX_IMAGE_SIDE} per side and ${MAX_IMAGE_PIXELS / 1e6} megapixels`,
        `图片为 ${size.width}×${size.height} 像素，每边不能超过 ${MAX_IMAGE_SIDE}，总像素不能超过 ${MAX_IMAGE_PIXELS / 1e6} 百万`,
      ),
    );
  }
  return undefined;
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted', 'AbortError');
}

/** The report in a photo. Bad images come back as a refusal; an abort rejects with the signal's reason. */
export function recognizeReportImage(bytes: Uint8Array, options: OcrOptions = {}): Promise<ParseOutcome> {
  const refused = checkImage(bytes);
  if (refused) return Promise.resolve(refused);
  const run = async (): Promise<ParseOutcome> => {
    const { signal, onProgress } = options;
    if (signal?.aborted) throw abortError(signal);
    reportProgress = onProgress;
    // tesseract cannot stop a recognition midway: an abort ends the worker (the next photo starts a new one) and
    // settles this call at once rather than waiting on a job the ended worker will never answer.
    let onAbort = () => void closeOcr();
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => {
        void closeOcr();
        if (signal) reject(abortError(signal));
      };
    });
    aborted.catch(() => undefined);
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      // An engine that cannot start is the machine's fault and rejects; an image it cannot read is the upload's.
      const { worker } = await Promise.race([startEngine(), aborted]);
      let text: string;
      try {
        text = (await Promise.race([worker.recognize(Buffer.from(bytes)), aborted])).data.text;
      } catch {
        if (signal?.aborted) throw abortError(signal);
        return refuse(
          'image',
          rowProblem(1, 'unreadable_image', 'the image could not be decoded', '无法解码该图片'),
        );
      }
      if (signal?.aborted) throw abortError(signal);
      return ocrTextToReport(text);
    } finally {
      signal?.removeEventListener('abort', onAbort);
      reportProgress = undefined;
    }
  };
  const next = queue.then(run, run);
  queue = next.catch(() => undefined);
  return next;
}
