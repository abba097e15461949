// Test helper shared by the checkup and monitoring import tests.
let gbCodes: Map<string, number[]> | null = null;

/**
 * Text as GB18030 bytes (the two-byte GBK part, which covers Chinese names and the template), the way Excel on a
 * Chinese Windows saves CSV. Node only encodes UTF-8, so the table is built by decoding every two-byte code once.
 */
export function encodeGb18030(text: string): Uint8Array {
  if (!gbCodes) {
    gbCodes = new Map();
    const decoder = new TextDecoder('gb18030');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const char = decoder.decode(new Uint8Array([lead, trail]));
        if (char.length === 1 && char !== '\ufffd' && !gbCodes.has(char)) gbCodes.set(char, [lead, trail]);
      }
    }
  }
  const codes = gbCodes;
  return new Uint8Array(
    [...text].flatMap((char) => {
      if (char.charCodeAt(0) < 0x80) return [char.charCodeAt(0)];
      const bytes = codes.get(char);
      if (!bytes) throw new Error(`no two-byte GB18030 code for ${char}`);
      return bytes;
    }),
  );
}
