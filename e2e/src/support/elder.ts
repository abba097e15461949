import type { Page } from 'playwright-core';

/** What the MIIT 2021 elder-friendly specification asks of a page, as the browser renders it. */
export interface PageMeasurements {
  /** Computed font-size of <body>. */
  bodyFontSize: number;
  /** The largest font-size of any visible heading (h1–h6). */
  largestHeading: number;
  /**
   * Visible text (direct text of an element): its font-size, the box laying out its lines (tag name) and that
   * box's line-height in px, and how many lines the text takes.
   */
  texts: { text: string; tag: string; box: string; fontSize: number; lineHeight: number; lines: number }[];
  /** Visible interactive elements with their box. */
  targets: { what: string; width: number; height: number }[];
}

// Everything a finger can act on. A radio or checkbox is measured by the <label> that wraps it (its tap area).
const INTERACTIVE =
  'button, a[href], input:not([type=hidden]), select, textarea, [role=switch], [role=tab], [role=button], ' +
  '[role=link], [data-testid^="tab-"]';

/**
 * Measures the page in the browser. Visible means rendered with a box larger than 1 px (so the screen-reader
 * only `.sr-only` text and closed content are left out); text the page hides from sight is not measured.
 */
export async function measure(page: Page): Promise<PageMeasurements> {
  return page.evaluate((interactiveSelector) => {
    const px = (value: string) => Number.parseFloat(value);
    const shown = (el: Element) => {
      if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) return false;
      const rect = el.getBoundingClientRect();
      return rect.width > 1 && rect.height > 1;
    };
    const body = getComputedStyle(document.body);

    const texts: PageMeasurements['texts'] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const seen = new Set<Element>();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent?.trim() ?? '';
      if (
        !parent ||
        text === '' ||
        seen.has(parent) ||
        ['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(parent.tagName)
      )
        continue;
      if (!shown(parent)) continue;
      seen.add(parent);
      const style = getComputedStyle(parent);
      const fontSize = px(style.fontSize);
      // Line spacing is set by the box that lays the lines out: an inline element's lines belong to its block.
      let box: Element = parent;
      while (getComputedStyle(box).display === 'inline' && box.parentElement) box = box.parentElement;
      const boxStyle = getComputedStyle(box);
      // 'normal' is about 1.2 for the fonts in use: below 1.3, so it counts as too tight.
      const lineHeight = boxStyle.lineHeight === 'normal' ? fontSize * 1.2 : px(boxStyle.lineHeight);
      const range = document.createRange();
      range.selectNodeContents(node);
      const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      texts.push({
        text: text.slice(0, 40),
        tag: parent.tagName.toLowerCase(),
        box: box.tagName.toLowerCase(),
        fontSize,
        lineHeight,
        lines,
      });
    }

    const headings = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].filter(shown);
    const largestHeading = Math.max(0, ...headings.map((h) => px(getComputedStyle(h).fontSize)));

    const targets = new Map<Element, { what: string; width: number; height: number }>();
    for (const candidate of document.querySelectorAll(interactiveSelector)) {
      const isChoice =
        candidate instanceof HTMLInputElement &&
        (candidate.type === 'radio' || candidate.type === 'checkbox');
      const el = isChoice ? (candidate.closest('label') ?? candidate) : candidate;
      if (targets.has(el) || !shown(el)) continue;
      const rect = el.getBoundingClientRect();
      const testId = el.getAttribute('data-testid');
      const label = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30);
      const what = `<${el.tagName.toLowerCase()}${testId ? ` data-testid="${testId}"` : ''}> ${label}`;
      targets.set(el, {
        what,
        width: Math.round(rect.width * 10) / 10,
        height: Math.round(rect.height * 10) / 10,
      });
    }

    return {
      bodyFontSize: px(body.fontSize),
      largestHeading,
      texts,
      targets: [...targets.values()],
    };
  }, INTERACTIVE);
}

/** The targets smaller than `min` × `min`, described for a failure message. */
export function smallTargets(m: PageMeasurements, min: number): string[] {
  return m.targets
    .filter((t) => t.width < min || t.height < min)
    .map((t) => `${t.what} (${t.width}×${t.height})`);
}

/** Visible text below `min` px. */
export function smallText(m: PageMeasurements, min: number): string[] {
  return m.texts.filter((t) => t.fontSize < min).map((t) => `<${t.tag}> "${t.text}" ${t.fontSize}px`);
}

// Boxes whose one-line text is a label (a tag, chip, button or link caption), not running text.
const LABEL_BOXES = new Set(['span', 'button', 'a', 'code', 'strong', 'b']);

/**
 * Text whose line height is below `ratio` × its font size. Line spacing is the space between lines: every
 * paragraph, list item, heading and block of text is held to it, and so is any text that wraps; a one-line
 * label in its own box (a tag such as 本人 on the family list) has no lines to space and is not.
 */
export function tightLines(m: PageMeasurements, ratio: number): string[] {
  return m.texts
    .filter((t) => t.lineHeight < ratio * t.fontSize - 0.01 && !(t.lines <= 1 && LABEL_BOXES.has(t.box)))
    .map((t) => `<${t.tag}> "${t.text}" ${t.lineHeight}px / ${t.fontSize}px`);
}
