// An incremental tokenizer for the shape of Apple Health's export.xml (HealthKit Export Version 3 and later):
// elements with attributes and no text content, an XML declaration, a DOCTYPE with an internal DTD, comments.
// It holds at most one tag at a time (capped), so memory stays bounded however large the file is. Chunks may
// split the text anywhere; a tag is only parsed once its closing '>' has arrived.

export interface TagEvent {
  name: string;
  attrs: ReadonlyMap<string, string>;
  /** `<Record ... />` */
  selfClosing: boolean;
  /** `</Record>` */
  closing: boolean;
  /** 1-based line of the tag's '<'. */
  line: number;
}

export interface TokenizerHandlers {
  onTag(tag: TagEvent): void;
  onBadTag(line: number, reason: 'tag-too-long' | 'malformed-tag', excerpt: string): void;
}

/** A longer tag is reported and skipped up to its next '>' (an Apple Record tag is well under 2 KB). */
export const MAX_TAG_LENGTH = 64 * 1024;

type State = 'text' | 'prefix' | 'tag' | 'skip' | 'comment' | 'pi' | 'cdata' | 'doctype' | 'decl';

const LT = 60;
const GT = 62;
const NL = 10;
const DQ = 34;
const SQ = 39;

// XML 1.0 section 4.6: the five predefined entities; section 4.1: character references &#N; and &#xH;.
const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref] ?? whole;
  });
}

const NAME = /^[A-Za-z_:][\w.:-]*/;
const ATTRIBUTE = /\s*([A-Za-z_:][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;

/** Parses the text between '<' and '>'; undefined when it is not a well-formed tag. */
export function parseTag(text: string, line: number): TagEvent | undefined {
  const closing = text.startsWith('/');
  let body = closing ? text.slice(1) : text;
  const selfClosing = !closing && body.endsWith('/');
  if (selfClosing) body = body.slice(0, -1);
  const name = NAME.exec(body)?.[0];
  if (name === undefined) return undefined;
  const attrs = new Map<string, string>();
  let pos = name.length;
  ATTRIBUTE.lastIndex = pos;
  for (let match = ATTRIBUTE.exec(body); match; match = ATTRIBUTE.exec(body)) {
    const [, key = '', double, single] = match;
    attrs.set(key, decodeEntities(double ?? single ?? ''));
    pos = ATTRIBUTE.lastIndex;
  }
  if (body.slice(pos).trim() !== '' || (closing && attrs.size > 0)) return undefined;
  return { name, attrs, selfClosing, closing, line };
}

export class Tokenizer {
  private state: State = 'text';
  private buffer = '';
  private quote = 0;
  private line = 1;
  private tagLine = 1;
  /** Characters of a terminator ('-->', '?>', ']]>') matched so far, or the DTD's bracket depth. */
  private matched = 0;
  private dtdDepth = 0;
  private dtdTail = '';

  constructor(private readonly handlers: TokenizerHandlers) {}

  get currentLine(): number {
    return this.line;
  }

  /** True when the input stopped inside a tag, comment or declaration. */
  get insideMarkup(): boolean {
    return this.state !== 'text';
  }

  push(chunk: string): void {
    let i = 0;
    const n = chunk.length;
    while (i < n) {
      switch (this.state) {
        case 'text': {
          let j = i;
          for (; j < n; j += 1) {
            const c = chunk.charCodeAt(j);
            if (c === LT) break;
            if (c === NL) this.line += 1;
          }
          if (j < n) {
            this.state = 'prefix';
            this.buffer = '';
            this.tagLine = this.line;
          }
          i = j + 1;
          break;
        }
        case 'prefix':
          i = this.prefix(chunk, i);
          break;
        case 'tag':
          i = this.tag(chunk, i);
          break;
        case 'skip':
        case 'decl':
          i = this.skipTo(chunk, i);
          break;
        case 'comment':
          i = this.terminator(chunk, i, '-->');
          break;
        case 'pi':
          i = this.terminator(chunk, i, '?>');
          break;
        case 'cdata':
          i = this.terminator(chunk, i, ']]>');
          break;
        case 'doctype':
          i = this.doctype(chunk, i);
          break;
      }
    }
  }

  /** Decides from the first characters after '<' what kind of markup follows. */
  private prefix(chunk: string, i: number): number {
    const char = chunk[i] ?? '';
    const seen = this.buffer + char;
    if (seen === '?') this.enter('pi');
    else if (seen === '!-' || seen === '!D' || seen === '![' || seen === '!') {
      if (seen === '!') this.buffer = seen;
      else this.enter(seen === '!-' ? 'comment' : seen === '!D' ? 'doctype' : 'cdata');
    } else if (seen.startsWith('!')) this.enter('decl');
    else {
      this.state = 'tag';
      this.quote = 0;
      return i;
    }
    return i + 1;
  }

  private enter(state: State): void {
    this.state = state;
    this.buffer = '';
    this.matched = 0;
    this.dtdDepth = 0;
    this.dtdTail = '';
    this.quote = 0;
  }

  private tag(chunk: string, i: number): number {
    const n = chunk.length;
    let j = i;
    for (; j < n; j += 1) {
      const c = chunk.charCodeAt(j);
      if (c === NL) this.line += 1;
      else if (this.quote !== 0) {
        if (c === this.quote) this.quote = 0;
      } else if (c === DQ || c === SQ) this.quote = c;
      else if (c === GT) break;
    }
    this.buffer += chunk.slice(i, j);
    if (this.buffer.length > MAX_TAG_LENGTH) {
      this.handlers.onBadTag(this.tagLine, 'tag-too-long', this.buffer.slice(0, 40));
      this.buffer = '';
      this.state = j < n ? 'text' : 'skip';
      return j + 1;
    }
    if (j < n) {
      const text = this.buffer;
      this.buffer = '';
      this.state = 'text';
      const tag = parseTag(text, this.tagLine);
      if (tag) this.handlers.onTag(tag);
      else this.handlers.onBadTag(this.tagLine, 'malformed-tag', text.slice(0, 40));
    }
    return j + 1;
  }

  /** Past an over-long tag or an unknown declaration: resynchronise at the next '>'. */
  private skipTo(chunk: string, i: number): number {
    const n = chunk.length;
    let j = i;
    for (; j < n; j += 1) {
      const c = chunk.charCodeAt(j);
      if (c === NL) this.line += 1;
      else if (c === GT) break;
    }
    if (j < n) this.state = 'text';
    return j + 1;
  }

  private terminator(chunk: string, i: number, end: string): number {
    const n = chunk.length;
    let j = i;
    for (; j < n && this.matched < end.length; j += 1) {
      const char = chunk[j];
      if (char === '\n') this.line += 1;
      if (char === end[this.matched]) this.matched += 1;
      else if (char !== end[0]) this.matched = 0;
      // '--->' still ends a comment: a longer run of '-' (or ']') keeps the match at two.
      else this.matched = this.matched === 2 && end[1] === end[0] ? 2 : 1;
    }
    if (this.matched === end.length) this.state = 'text';
    return j;
  }

  /** The DOCTYPE and its internal subset: '>' ends it outside brackets, quotes and comments. */
  private doctype(chunk: string, i: number): number {
    const n = chunk.length;
    let j = i;
    for (; j < n; j += 1) {
      const char = chunk[j] ?? '';
      if (char === '\n') this.line += 1;
      this.dtdTail = (this.dtdTail + char).slice(-4);
      if (this.matched > 0) {
        // inside a comment in the internal subset
        if (this.dtdTail.endsWith('-->')) this.matched = 0;
      } else if (this.quote !== 0) {
        if (char.charCodeAt(0) === this.quote) this.quote = 0;
      } else if (this.dtdTail === '<!--') this.matched = 1;
      else if (char === '"' || char === "'") this.quote = char.charCodeAt(0);
      else if (char === '[') this.dtdDepth += 1;
      else if (char === ']') this.dtdDepth -= 1;
      else if (char === '>' && this.dtdDepth <= 0) {
        this.state = 'text';
        return j + 1;
      }
    }
    return j;
  }
}
