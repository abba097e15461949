import { describe, expect, it } from 'vitest';
import { MalformedFrameError, createFrameScanner, type FrameHeader } from './frame-scanner.ts';

/** An MQTT packet: type nibble, variable-length remaining length, then `bodyLength` zero bytes. */
function packet(type: number, bodyLength: number, { withBody = true } = {}): Buffer {
  const length: number[] = [];
  let n = bodyLength;
  do {
    let byte = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) byte |= 0x80;
    length.push(byte);
  } while (n > 0);
  return Buffer.concat([Buffer.from([type << 4, ...length]), Buffer.alloc(withBody ? bodyLength : 0)]);
}

function scanInChunks(stream: Buffer, chunkSize: number): FrameHeader[] {
  const frames: FrameHeader[] = [];
  const scan = createFrameScanner((f) => frames.push(f));
  for (let i = 0; i < stream.length; i += chunkSize) scan(stream.subarray(i, i + chunkSize));
  return frames;
}

describe('createFrameScanner', () => {
  const stream = Buffer.concat([
    packet(1, 30),
    packet(12, 0),
    packet(3, 200),
    packet(4, 2),
    packet(3, 20_000),
  ]);
  const expected = [
    { type: 1, remainingLength: 30, totalLength: 32 },
    { type: 12, remainingLength: 0, totalLength: 2 },
    { type: 3, remainingLength: 200, totalLength: 203 },
    { type: 4, remainingLength: 2, totalLength: 4 },
    { type: 3, remainingLength: 20_000, totalLength: 20_004 },
  ];

  it.each([1, 2, 3, 7, 64, 100_000])('finds every packet when the bytes arrive %i at a time', (chunkSize) => {
    expect(scanInChunks(stream, chunkSize)).toEqual(expected);
  });

  it('reports a packet’s size from its header, before the body has arrived', () => {
    const frames: FrameHeader[] = [];
    createFrameScanner((f) => frames.push(f))(packet(3, 200_000_000, { withBody: false }));
    expect(frames).toEqual([{ type: 3, remainingLength: 200_000_000, totalLength: 200_000_005 }]);
  });

  it('rejects a remaining length longer than four bytes', () => {
    const scan = createFrameScanner(() => undefined);
    expect(() => scan(Buffer.from([0x30, 0xff, 0xff, 0xff, 0xff, 0x01]))).toThrow(MalformedFrameError);
  });
});
