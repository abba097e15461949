import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

// Reads a PDF's text back with pdfjs-dist, page by page, so tests can check what a report actually prints.

export interface PdfText {
  /** Text of each page, in reading order, lines ending with a newline. */
  pages: string[];
}

export async function extractPdfText(bytes: Buffer): Promise<PdfText> {
  const document = await getDocument({
    data: new Uint8Array(bytes),
    useWorkerFetch: false,
    isEvalSupported: false,
    disableFontFace: true,
  }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const content = await page.getTextContent();
      pages.push(
        content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''),
      );
    }
    return { pages };
  } finally {
    await document.destroy();
  }
}

/** Text with all white space removed: PDF text runs split and space words differently from the source strings. */
export function squash(text: string): string {
  return text.replace(/\s+/g, '');
}
