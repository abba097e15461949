// Writes the PWA icons in public/ with nothing but node:zlib: a blue rounded square holding a white ring (the
// care loop) around a white cross. Run with `npx tsx apps/patient/scripts/generate-icons.ts`.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BLUE = [0x0b, 0x5c, 0xd5] as const;
const WHITE = [0xff, 0xff, 0xff] as const;

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (crcTable[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Coverage (0..1) of the shape at a point given in unit coordinates (0..1 across the icon). */
function coverage(x: number, y: number, maskable: boolean): { bg: number; fg: number } {
  const radius = maskable ? 0 : 0.2;
  const inset =
    Math.max(Math.abs(x - 0.5) - (0.5 - radius), 0) ** 2 +
    Math.max(Math.abs(y - 0.5) - (0.5 - radius), 0) ** 2;
  const bg = inset <= radius * radius ? 1 : 0;
  const scale = maskable ? 0.7 : 1;
  const dx = (x - 0.5) / scale;
  const dy = (y - 0.5) / scale;
  const r = Math.hypot(dx, dy);
  const ring = r > 0.3 && r < 0.37 ? 1 : 0;
  const cross =
    (Math.abs(dx) < 0.055 && Math.abs(dy) < 0.18) || (Math.abs(dy) < 0.055 && Math.abs(dx) < 0.18) ? 1 : 0;
  return { bg, fg: Math.max(ring, cross) };
}

function png(size: number, maskable: boolean): Buffer {
  const samples = 4;
  const rows: Buffer[] = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let px = 0; px < size; px++) {
      let bg = 0;
      let fg = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const c = coverage(
            (px + (sx + 0.5) / samples) / size,
            (py + (sy + 0.5) / samples) / size,
            maskable,
          );
          bg += c.bg;
          fg += c.fg * c.bg;
        }
      }
      bg /= samples * samples;
      fg /= samples * samples;
      const mix = bg > 0 ? fg / bg : 0;
      const offset = 1 + px * 4;
      for (let ch = 0; ch < 3; ch++) {
        row[offset + ch] = Math.round((BLUE[ch] ?? 0) * (1 - mix) + (WHITE[ch] ?? 0) * mix);
      }
      row[offset + 3] = Math.round(bg * 255);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(6, 9); // RGBA
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" role="img" aria-label="CareLoop">
  <rect width="512" height="512" rx="102" fill="#0b5cd5"/>
  <circle cx="256" cy="256" r="171" fill="none" stroke="#fff" stroke-width="36"/>
  <path d="M228 164h56v64h64v56h-64v64h-56v-64h-64v-56h64z" fill="#fff"/>
</svg>
`;

const out = new URL('../public/', import.meta.url);
writeFileSync(new URL('icon-192.png', out), png(192, false));
writeFileSync(new URL('icon-512.png', out), png(512, false));
writeFileSync(new URL('icon-maskable-512.png', out), png(512, true));
writeFileSync(new URL('apple-touch-icon.png', out), png(180, true));
writeFileSync(new URL('icon.svg', out), svg);
writeFileSync(new URL('favicon.svg', out), svg);
