export type Hl7ParseErrorCode =
  | 'EMPTY'
  | 'NO_MSH'
  | 'SEGMENT_BEFORE_MSH'
  | 'BAD_DELIMITERS'
  | 'BAD_SEGMENT'
  | 'INCOMPLETE_MSH'
  | 'BAD_BATCH'
  | 'BAD_FILE';

const DESCRIPTIONS: Record<Hl7ParseErrorCode, string> = {
  EMPTY: 'the input holds no segments',
  NO_MSH: 'no MSH message header was found',
  SEGMENT_BEFORE_MSH: 'a message segment comes before any MSH message header',
  BAD_DELIMITERS: 'MSH-1/MSH-2 do not declare a usable set of delimiters',
  BAD_SEGMENT: 'a line does not start with a segment id (three letters or digits)',
  INCOMPLETE_MSH: 'the message header lacks the message type (MSH-9) or control id (MSH-10)',
  BAD_BATCH: 'batch header/trailer segments (BHS/BTS) are out of order',
  BAD_FILE: 'file header/trailer segments (FHS/FTS) are out of order',
};

/** The only error parse() throws: a code a caller can switch on, and the 1-based input line it concerns. */
export class Hl7ParseError extends Error {
  override readonly name = 'Hl7ParseError';

  constructor(
    readonly code: Hl7ParseErrorCode,
    readonly line: number,
    detail?: string,
  ) {
    super(`${DESCRIPTIONS[code]} (line ${line})${detail ? `: ${detail}` : ''}`);
  }
}
