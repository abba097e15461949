export { createAppleHealthParser } from './parser.ts';
export type { AppleHealthParser, AppleHealthParserOptions } from './parser.ts';
export { MAX_TAG_LENGTH } from './tokenizer.ts';
export type * from './types.ts';
