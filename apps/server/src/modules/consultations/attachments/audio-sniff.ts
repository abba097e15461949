// What a voice note really is, from its first bytes: the formats browsers' MediaRecorder and phones produce
// (WebM/Opus from Chrome and Firefox, MP4/AAC from Safari, Ogg/Opus, AMR from older phones), plus MP3 and WAV.

export type AudioContentType =
  'audio/webm' | 'audio/ogg' | 'audio/mp4' | 'audio/mpeg' | 'audio/wav' | 'audio/aac' | 'audio/amr';

const starts = (bytes: Buffer, magic: readonly number[], at = 0) =>
  bytes.length >= at + magic.length && magic.every((b, i) => bytes[at + i] === b);
const ascii = (bytes: Buffer, from: number, to: number) => bytes.subarray(from, to).toString('latin1');

// ISO base media brands of audio files (and the general ones an audio-only MP4 carries); never HEIF image brands.
const MP4_AUDIO_BRANDS = new Set([
  'M4A ',
  'M4B ',
  'mp42',
  'mp41',
  'isom',
  'iso2',
  'iso5',
  'iso6',
  'dash',
  '3gp4',
  '3gp5',
  '3gp6',
]);

/** The audio type the bytes are, or null when they are not a recording we can play back. */
export function sniffAudio(bytes: Buffer): AudioContentType | null {
  if (starts(bytes, [0x1a, 0x45, 0xdf, 0xa3])) return 'audio/webm';
  if (ascii(bytes, 0, 4) === 'OggS') return 'audio/ogg';
  if (ascii(bytes, 0, 5) === '#!AMR') return 'audio/amr';
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WAVE')
    return 'audio/wav';
  if (bytes.length >= 12 && ascii(bytes, 4, 8) === 'ftyp' && MP4_AUDIO_BRANDS.has(ascii(bytes, 8, 12)))
    return 'audio/mp4';
  if (ascii(bytes, 0, 3) === 'ID3') return 'audio/mpeg';
  if (bytes.length >= 2 && bytes[0] === 0xff) {
    const b1 = bytes[1]!;
    if ((b1 & 0xf6) === 0xf0) return 'audio/aac';
    if ((b1 & 0xe0) === 0xe0) return 'audio/mpeg';
  }
  return null;
}
