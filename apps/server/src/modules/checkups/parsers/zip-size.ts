// The uncompressed size a zip archive declares, summed from its central directory (APPNOTE.TXT 4.3.12, 4.3.16),
// so that a workbook that would inflate to gigabytes is refused before anything is unzipped.

const EOCD = 0x06054b50;
const CENTRAL_HEADER = 0x02014b50;

/** Total declared uncompressed size, or undefined when the archive's directory cannot be read. */
export function declaredUnzippedSize(bytes: Uint8Array): number | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record sits in the last 22 + 65535 (comment) bytes.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= lowest; i -= 1) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const entries = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  let total = 0;
  for (let n = 0; n < entries; n += 1) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CENTRAL_HEADER) return undefined;
    const size = view.getUint32(offset + 24, true);
    // 0xffffffff means the real size is in a ZIP64 extra field: treat as too large rather than read on.
    if (size === 0xffffffff) return Number.POSITIVE_INFINITY;
    total += size;
    offset +=
      46 +
      view.getUint16(offset + 28, true) +
      view.getUint16(offset + 30, true) +
      view.getUint16(offset + 32, true);
  }
  return total;
}
