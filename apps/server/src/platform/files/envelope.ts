import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { FileStoreError } from './file-store.ts';

/**
 * Envelope encryption for stored files, the same for the local disk and for S3: each file gets a fresh random
 * AES-256 data key; the data key is wrapped (AES-256-GCM) with a master key whose id is written in the header, so
 * master keys can rotate: new files use the active key, old files still open with the key their header names.
 *
 * Layout (format 1):
 *   "CLF1" | keyId length (1 byte) | keyId (UTF-8) | wrap IV (12) | wrapped data key (32) | wrap tag (16)
 *   | data IV (12) | ciphertext | data tag (16)
 *
 * The wrap is authenticated with the magic and key id; the content with the whole header and the storage key, so
 * neither the header nor the ciphertext can be altered, and a file copied under another key does not open.
 */

export interface FileKeyring {
  /** 32-byte AES-256 master keys by id (FILE_ENCRYPTION_KEYS, or derived from the field keys; see config.ts). */
  readonly keys: ReadonlyMap<string, Buffer>;
  readonly activeKeyId: string;
}

const MAGIC = Buffer.from('CLF1', 'latin1');
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

function masterKey(keyring: FileKeyring, keyId: string): Buffer {
  const key = keyring.keys.get(keyId);
  if (!key) throw new FileStoreError('FILE_KEY_MISSING', `file key ${keyId} is not configured`);
  if (key.length !== KEY_BYTES) throw new Error(`file key ${keyId} must be 32 bytes`);
  return key;
}

function gcm(key: Buffer, iv: Buffer, aad: Buffer, data: Buffer): { ciphertext: Buffer; tag: Buffer } {
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(data), cipher.final()]);
  return { ciphertext, tag: cipher.getAuthTag() };
}

function ungcm(key: Buffer, iv: Buffer, aad: Buffer, data: Buffer, tag: Buffer): Buffer {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(aad);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(data), decipher.final()]);
  } catch (error) {
    throw new FileStoreError('FILE_TAMPERED', 'stored file failed authentication', { cause: error });
  }
}

/** Encrypts `plaintext` for storage under `storageKey` with the keyring's active key. */
export function sealFile(plaintext: Buffer, storageKey: string, keyring: FileKeyring): Buffer {
  const keyId = Buffer.from(keyring.activeKeyId, 'utf8');
  if (keyId.length === 0 || keyId.length > 255) throw new Error('file key ids are 1 to 255 bytes');
  const dataKey = randomBytes(KEY_BYTES);
  const wrapIv = randomBytes(IV_BYTES);
  const wrapped = gcm(
    masterKey(keyring, keyring.activeKeyId),
    wrapIv,
    Buffer.concat([MAGIC, keyId]),
    dataKey,
  );
  const dataIv = randomBytes(IV_BYTES);
  const header = Buffer.concat([
    MAGIC,
    Buffer.from([keyId.length]),
    keyId,
    wrapIv,
    wrapped.ciphertext,
    wrapped.tag,
    dataIv,
  ]);
  const content = gcm(dataKey, dataIv, Buffer.concat([header, Buffer.from(storageKey, 'utf8')]), plaintext);
  dataKey.fill(0);
  return Buffer.concat([header, content.ciphertext, content.tag]);
}

interface ParsedHeader {
  keyId: string;
  header: Buffer;
  wrapIv: Buffer;
  wrappedKey: Buffer;
  wrapTag: Buffer;
  dataIv: Buffer;
}

function parseHeader(envelope: Buffer): ParsedHeader {
  const tampered = () => new FileStoreError('FILE_TAMPERED', 'stored file is not a CareLoop envelope');
  if (envelope.length < MAGIC.length + 1 || !envelope.subarray(0, MAGIC.length).equals(MAGIC))
    throw tampered();
  const idLength = envelope[MAGIC.length]!;
  let at = MAGIC.length + 1;
  const take = (n: number) => {
    const part = envelope.subarray(at, at + n);
    at += n;
    return part;
  };
  const keyIdBytes = take(idLength);
  const wrapIv = take(IV_BYTES);
  const wrappedKey = take(KEY_BYTES);
  const wrapTag = take(TAG_BYTES);
  const dataIv = take(IV_BYTES);
  if (idLength === 0 || envelope.length < at + TAG_BYTES) throw tampered();
  return {
    keyId: keyIdBytes.toString('utf8'),
    header: envelope.subarray(0, at),
    wrapIv,
    wrappedKey,
    wrapTag,
    dataIv,
  };
}

/** The id of the master key a stored file was written with (for re-encryption after a rotation). */
export function envelopeKeyId(envelope: Buffer): string {
  return parseHeader(envelope).keyId;
}

/** Decrypts a stored file; FILE_TAMPERED when any byte or the storage key differs, FILE_KEY_MISSING for old keys. */
export function openFile(envelope: Buffer, storageKey: string, keyring: FileKeyring): Buffer {
  const h = parseHeader(envelope);
  const dataKey = ungcm(
    masterKey(keyring, h.keyId),
    h.wrapIv,
    Buffer.concat([MAGIC, Buffer.from(h.keyId, 'utf8')]),
    h.wrappedKey,
    h.wrapTag,
  );
  const ciphertext = envelope.subarray(h.header.length, envelope.length - TAG_BYTES);
  const tag = envelope.subarray(envelope.length - TAG_BYTES);
  const aad = Buffer.concat([h.header, Buffer.from(storageKey, 'utf8')]);
  try {
    return ungcm(dataKey, h.dataIv, aad, ciphertext, tag);
  } finally {
    dataKey.fill(0);
  }
}
