// Text files from Chinese hospitals come as UTF-8 (with or without BOM), UTF-16 (Excel's "Unicode text")
// or GB18030/GBK (Excel's default "CSV" on a Chinese Windows). Node's TextDecoder knows all of them.

// The package compiles without DOM or Node typings; TextDecoder is an ECMAScript-host global in every runtime
// this code runs in (Node >= 11, browsers), so declare the part we use.
interface TextDecoderLike {
  decode(input: Uint8Array): string;
}
declare const TextDecoder: new (label: string, options?: { fatal?: boolean }) => TextDecoderLike;

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncodingName;
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean =>
  prefix.every((byte, index) => bytes[index] === byte);

/**
 * Decodes a text file: a BOM decides; without one, bytes that are valid UTF-8 are UTF-8 and anything else is
 * read as GB18030 (a superset of GBK and GB2312, so every byte sequence decodes). The BOM is not in `text`.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (startsWith(bytes, [0xff, 0xfe])) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (startsWith(bytes, [0xfe, 0xff])) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}
