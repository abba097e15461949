import { describe, expect, it } from 'vitest';
import {
  buildAck,
  controlId,
  get,
  messageType,
  parseMessage,
  receivingApplication,
  receivingFacility,
  sendingApplication,
  sendingFacility,
  serialize,
} from './index.ts';

const original = parseMessage(
  'MSH|^~\\&|LAB^1.2.3^ISO|HOSP|CARELOOP|CLINIC|20240301093000||ORU^R01^ORU_R01|MSG-42|P|2.5.1\rPID|1||MRN1\r',
);
const at = new Date('2024-03-01T09:31:05Z');

describe('buildAck', () => {
  it('answers with MSA referencing the original control id and swaps sender and receiver', () => {
    const ack = buildAck(original, { code: 'AA', controlId: 'ACK-1', at });
    expect(serialize(ack)).toBe(
      'MSH|^~\\&|CARELOOP|CLINIC|LAB^1.2.3^ISO|HOSP|20240301093105+0000||ACK^R01^ACK|ACK-1|P|2.5.1\rMSA|AA|MSG-42\r',
    );
  });

  it('reads back as a valid ACK', () => {
    const ack = parseMessage(
      serialize(buildAck(original, { code: 'AE', text: 'OBX-5 | missing', controlId: 'ACK-2', at })),
    );
    expect(messageType(ack)).toEqual({ code: 'ACK', trigger: 'R01', structure: 'ACK' });
    expect(controlId(ack)).toBe('ACK-2');
    expect([sendingApplication(ack), sendingFacility(ack)]).toEqual(['CARELOOP', 'CLINIC']);
    expect([receivingApplication(ack), receivingFacility(ack)]).toEqual(['LAB', 'HOSP']);
    expect(get(ack, 'MSH', 1, 5, 2)).toBe('1.2.3');
    expect(get(ack, 'MSA', 1, 1)).toBe('AE');
    expect(get(ack, 'MSA', 1, 2)).toBe('MSG-42');
    expect(get(ack, 'MSA', 1, 3)).toBe('OBX-5 | missing'); // escaped on the way out, unescaped on the way in
  });

  it.each(['AA', 'AE', 'AR'] as const)('carries acknowledgment code %s', (code) => {
    const ack = buildAck(original, { code, controlId: 'X', at });
    expect(get(ack, 'MSA', 1, 1)).toBe(code);
  });
});
