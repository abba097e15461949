/**
 * Follows MQTT packet boundaries in a byte stream without buffering it: for each packet it reports the type and
 * the remaining length as soon as the fixed header has arrived, before the body. The embedded broker uses it to
 * drop a connection that announces an oversized packet before that packet fills memory.
 */
export interface FrameHeader {
  /** Control packet type (3 = PUBLISH, 4 = PUBACK, ...). */
  readonly type: number;
  /** Bytes after the fixed header. */
  readonly remainingLength: number;
  /** Whole packet size: fixed header plus remaining length. */
  readonly totalLength: number;
}

export type FrameScanner = (chunk: Buffer) => void;

export class MalformedFrameError extends Error {}

export function createFrameScanner(onFrame: (header: FrameHeader) => void): FrameScanner {
  let state: 'type' | 'length' | 'body' = 'type';
  let type = 0;
  let length = 0;
  let lengthBytes = 0;
  let bodyLeft = 0;

  return (chunk) => {
    let i = 0;
    while (i < chunk.length) {
      if (state === 'body') {
        const step = Math.min(bodyLeft, chunk.length - i);
        bodyLeft -= step;
        i += step;
        if (bodyLeft === 0) state = 'type';
        continue;
      }
      const byte = chunk[i++]!;
      if (state === 'type') {
        type = byte >> 4;
        length = 0;
        lengthBytes = 0;
        state = 'length';
        continue;
      }
      length += (byte & 0x7f) * 128 ** lengthBytes;
      lengthBytes += 1;
      if (byte & 0x80) {
        if (lengthBytes === 4) throw new MalformedFrameError('remaining length longer than four bytes');
        continue;
      }
      onFrame({ type, remainingLength: length, totalLength: 1 + lengthBytes + length });
      bodyLeft = length;
      state = length === 0 ? 'type' : 'body';
    }
  };
}
