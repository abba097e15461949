import type { Hl7Delimiters } from './types.ts';

// Escape sequences of HL7 v2.5 chapter 2.7. Formatting (\H\ \N\ \.br\) and charset (\C..\ \M..\ \Z..\)
// sequences are kept verbatim, escape characters included: they mean something only to a display.
export function unescapeValue(text: string, d: Hl7Delimiters): string {
  if (!text.includes(d.escape)) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const start = text.indexOf(d.escape, i);
    if (start === -1) break;
    const end = text.indexOf(d.escape, start + 1);
    if (end === -1) break;
    out += text.slice(i, start);
    const body = text.slice(start + 1, end);
    out += decodeSequence(body, d) ?? text.slice(start, end + 1);
    i = end + 1;
  }
  return out + text.slice(i);
}

function decodeSequence(body: string, d: Hl7Delimiters): string | undefined {
  switch (body) {
    case 'F':
      return d.field;
    case 'S':
      return d.component;
    case 'T':
      return d.subcomponent;
    case 'R':
      return d.repetition;
    case 'E':
      return d.escape;
    default:
      return body.startsWith('X') ? decodeHex(body.slice(1)) : undefined;
  }
}

function decodeHex(hex: string): string | undefined {
  if (hex.length === 0 || hex.length % 2 !== 0 || !/^[0-9A-Fa-f]+$/.test(hex)) return undefined;
  const percentEncoded = hex.replace(/../g, '%$&');
  try {
    return decodeURIComponent(percentEncoded); // the bytes as UTF-8
  } catch {
    return hex.replace(/../g, (byte) => String.fromCharCode(parseInt(byte, 16))); // not UTF-8: as Latin-1
  }
}

/** The inverse of unescapeValue for any string; CR and LF become \X0D\ and \X0A\ so they cannot end a segment. */
export function escapeValue(value: string, d: Hl7Delimiters): string {
  // A literal "" would read back as the explicit null, so its first quote goes out as hex.
  if (value === '""') return `${d.escape}X22${d.escape}"`;
  let out = '';
  for (const ch of value) {
    if (ch === d.escape) out += `${d.escape}E${d.escape}`;
    else if (ch === d.field) out += `${d.escape}F${d.escape}`;
    else if (ch === d.component) out += `${d.escape}S${d.escape}`;
    else if (ch === d.subcomponent) out += `${d.escape}T${d.escape}`;
    else if (ch === d.repetition) out += `${d.escape}R${d.escape}`;
    else if (ch === '\r') out += `${d.escape}X0D${d.escape}`;
    else if (ch === '\n') out += `${d.escape}X0A${d.escape}`;
    else out += ch;
  }
  return out;
}
