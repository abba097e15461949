import type { AttachmentKind } from '@careloop/contracts';

// The server's limits (consultations API): images JPEG/PNG/WebP/HEIC up to 10 MB; files PDF or images up to 20 MB.
// Checked here first so a phone does not upload 30 MB to be told no.
const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif'];
const LIMITS: Record<Exclude<AttachmentKind, 'voice'>, number> = {
  image: 10 * 1024 * 1024,
  file: 20 * 1024 * 1024,
};

export type FileProblem = { code: 'too_large'; maxBytes: number } | { code: 'bad_type' };

function isHeicName(name: string): boolean {
  return /\.(heic|heif)$/i.test(name);
}

export function checkAttachment(file: File, kind: Exclude<AttachmentKind, 'voice'>): FileProblem | null {
  const image = IMAGE_TYPES.includes(file.type) || isHeicName(file.name);
  const ok = kind === 'image' ? image : image || file.type === 'application/pdf';
  if (!ok) return { code: 'bad_type' };
  if (file.size > LIMITS[kind]) return { code: 'too_large', maxBytes: LIMITS[kind] };
  return null;
}
