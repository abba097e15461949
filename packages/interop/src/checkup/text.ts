// Small text helpers shared by the checkup parsers.

/** Full-width ASCII (ＡＢＣ１２３：，) and the ideographic space to their half-width forms; nothing else. */
export function toHalfWidth(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += char;
  }
  return out;
}

/** A cell as compared and stored: half-width, whitespace runs collapsed, trimmed, zero-width marks gone. */
export function cleanCell(text: string): string {
  return toHalfWidth(text)
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Free text (names, conclusions) as stored: whitespace runs collapsed and trimmed, punctuation left as written. */
export function cleanText(text: string): string {
  return text
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .trim();
}

export const HAN = /\p{Script=Han}/u;

/** Removes the spaces OCR puts between Chinese characters ('空 腹 血 糖' -> '空腹血糖'). */
export function joinHanSpaces(text: string): string {
  return text.replace(/(\p{Script=Han})[ \t]+(?=\p{Script=Han})/gu, '$1');
}

/** Real cells are short; longer ones are cut before any pattern runs on them. */
export const MAX_CELL = 500;

export const clip = (text: string, max = MAX_CELL): string => (text.length > max ? text.slice(0, max) : text);
