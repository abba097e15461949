import { createRequire } from 'node:module';
import { FONT_FAMILY, loadFonts, printable } from './fonts.ts';
import type { PdfDefinition, PdfNode } from './types.ts';

// pdfmake 0.3 is CommonJS and exports one configured instance; its Node API is addFonts + virtualfs + createPdf(...)
// .getBuffer(). It ships no types, so the small part we use is declared here.
interface PdfMakeServer {
  virtualfs: { writeFileSync(name: string, content: Buffer): void };
  addFonts(fonts: Record<string, Record<'normal' | 'bold' | 'italics' | 'bolditalics', string>>): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  createPdf(document: object): { getBuffer(): Promise<Buffer> };
}

const require = createRequire(import.meta.url);
const pdfmake = require('pdfmake') as PdfMakeServer;

const REGULAR = 'careloop/NotoSansSC-Regular.ttf';
const BOLD = 'careloop/NotoSansSC-Bold.ttf';

let prepared: Promise<void> | null = null;

/**
 * Registers the fonts in pdfmake's in-memory file system once per process. Reports never load anything from the
 * network or the disk at render time: both access policies deny everything, so text from a view model can never
 * make pdfmake fetch a URL or read a local file.
 */
function prepare(): Promise<void> {
  prepared ??= loadFonts().then(
    (fonts) => {
      pdfmake.virtualfs.writeFileSync(REGULAR, fonts.regular);
      pdfmake.virtualfs.writeFileSync(BOLD, fonts.bold);
      pdfmake.addFonts({
        [FONT_FAMILY]: { normal: REGULAR, bold: BOLD, italics: REGULAR, bolditalics: BOLD },
      });
      pdfmake.setUrlAccessPolicy(() => false);
      pdfmake.setLocalAccessPolicy(() => false);
    },
    (error: unknown) => {
      prepared = null;
      throw error;
    },
  );
  return prepared;
}

/** Room a section title (a node with headlineLevel 1) needs below it, so it never ends a page on its own. */
const HEADLINE_KEEP_POINTS = 90;

/**
 * pdfmake's pageBreakBefore hook: a section title that starts too low to keep a few rows with it moves to the next
 * page. (A title followed by an unbreakable block is laid out together with that block instead: pdfmake reports
 * the nodes of an unbreakable block on the page they were tried on, so this hook cannot see them move.)
 */
function keepHeadlinesWithContent(node: {
  headlineLevel?: number;
  startPosition: { pageInnerHeight: number; verticalRatio: number };
}): boolean {
  if (node.headlineLevel !== 1) return false;
  const { pageInnerHeight, verticalRatio } = node.startPosition;
  return pageInnerHeight * (1 - verticalRatio) < HEADLINE_KEEP_POINTS;
}

/** Every string of a content tree through printable(); functions (table layouts) and other values kept as they are. */
function printableTree(node: unknown): unknown {
  if (typeof node === 'string') return printable(node);
  if (Array.isArray(node)) return node.map(printableTree);
  if (node !== null && typeof node === 'object' && Object.getPrototypeOf(node) === Object.prototype) {
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, printableTree(value)]));
  }
  return node;
}

type PageContent = ((page: number, pages: number) => PdfNode | null) | undefined;
const printablePages = (fn: PageContent) =>
  fn && ((page: number, pages: number) => printableTree(fn(page, pages)));

/** Lays out and renders a document definition to PDF bytes (A4 unless the definition says otherwise). */
export async function renderPdf(definition: PdfDefinition): Promise<Buffer> {
  await prepare();
  const document = {
    content: printableTree(definition.content),
    pageSize: definition.pageSize ?? 'A4',
    pageMargins: definition.pageMargins ?? [40, 50, 40, 60],
    header: printablePages(definition.header),
    footer: printablePages(definition.footer),
    styles: definition.styles ?? {},
    defaultStyle: { font: FONT_FAMILY, fontSize: 9.5, lineHeight: 1.25, ...definition.defaultStyle },
    language: definition.language,
    info: {
      title: printable(definition.title),
      author: definition.author ?? 'CareLoop',
      creator: 'CareLoop',
      producer: 'CareLoop',
    },
    compress: true,
    pageBreakBefore: keepHeadlinesWithContent,
  };
  return pdfmake.createPdf(document).getBuffer();
}
