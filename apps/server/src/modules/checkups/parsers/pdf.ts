// Text PDFs of checkup reports: pdf.js reads each page's text runs with their positions, the interop layout reader
// finds the item table. Runs in the main thread (no worker, no font loading, no eval): only text is needed.
import {
  addProblem,
  layoutToReport,
  refuse,
  rowProblem,
  type LayoutTextItem,
  type ParseOutcome,
} from '@careloop/interop';
import { MAX_PDF_PAGES } from './limits.ts';

export interface PdfTextItems {
  readonly items: LayoutTextItem[];
  readonly pages: number;
}

/** Every text run of the first MAX_PDF_PAGES pages, y measured from the top of its page. */
export async function extractPdfItems(bytes: Uint8Array): Promise<PdfTextItems> {
  // Loaded on first use: the legacy build installs global polyfills (JSON, Array methods) that slow every request
  // of a process that never reads a PDF.
  const { getDocument, VerbosityLevel } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await getDocument({
    data: new Uint8Array(bytes), // pdf.js takes ownership of (detaches) the buffer it is given
    useWorkerFetch: false,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: VerbosityLevel.ERRORS,
  }).promise;
  try {
    const items: LayoutTextItem[] = [];
    const last = Math.min(document.numPages, MAX_PDF_PAGES);
    for (let n = 1; n <= last; n += 1) {
      const page = await document.getPage(n);
      const { height } = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      for (const item of content.items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        const [, , , d = 0, e = 0, f = 0] = item.transform as number[];
        items.push({
          str: item.str,
          x: e,
          y: height - f,
          width: item.width,
          height: item.height || Math.abs(d),
          page: n,
        });
      }
      page.cleanup();
    }
    return { items, pages: document.numPages };
  } finally {
    await document.destroy();
  }
}

export async function pdfToReports(bytes: Uint8Array): Promise<ParseOutcome> {
  let extracted: PdfTextItems;
  try {
    extracted = await extractPdfItems(bytes);
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'PasswordException') {
      return refuse(
        'pdf',
        rowProblem(
          1,
          'encrypted_pdf',
          'the PDF is password-protected: upload it without a password',
          '该 PDF 有密码保护：请上传无密码的文件',
        ),
      );
    }
    return refuse(
      'pdf',
      rowProblem(1, 'unreadable_pdf', 'the PDF is damaged and cannot be read', '该 PDF 已损坏，无法读取'),
    );
  }
  const outcome = layoutToReport(extracted.items);
  if (extracted.pages > MAX_PDF_PAGES) {
    addProblem(
      outcome,
      rowProblem(
        1,
        'too_many_pages',
        `only the first ${MAX_PDF_PAGES} of ${extracted.pages} pages were read`,
        `共 ${extracted.pages} 页，只读取了前 ${MAX_PDF_PAGES} 页`,
      ),
    );
  }
  return outcome;
}
