/**
 * A report's prose → mdast, exactly as `markdown.parse` gives it (positions
 * included), without running micromark over the blocks that need no parser.
 *
 * Micromark costs tens of microseconds per block however short the block,
 * and most prose is paragraphs of Chinese text with at most a **bold**
 * phrase, a [link](url) or a one-line-per-item list. Such blocks are built
 * here directly. A block is built here only when it provably parses to what
 * is built: every character is checked against a short list of what cannot
 * start any Markdown (or GFM) construct, and anything else sends the block
 * to micromark. The blocks that are not built here are parsed by micromark,
 * each run of them on its own, and their places shifted back: a built block
 * is an unindented paragraph (or a list between two of them), so it closes
 * every open container, and what comes before it cannot reach past it. When
 * something in the prose can reach across blank lines (fenced code, HTML
 * blocks, definitions, footnotes), the whole prose is parsed as it is.
 */

import type { Link, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Strong, Text } from 'mdast';
import type { Node, Point, Position } from 'unist';
import { markdown } from './markdown.js';

/**
 * What sends the whole prose to micromark. What can tie blocks together
 * across blank lines: a fence, an HTML block or any `<` (HTML blocks of
 * types 1–5 run to their end marker), a definition (`]:`), which any block
 * may reference, and footnotes (`[^`), numbered in the order of their
 * references. And what the parts of the prose cannot be parsed alone with:
 * `\r`, a line ending to micromark but not to the line splitting here (the
 * read stage has already made every line ending `\n`), and U+FEFF, which
 * micromark drops at the start of a document (and so of a run) only.
 */
const WHOLE_PROSE = /```|~~~|<|\]:|\[\^|\r|\uFEFF/;

/**
 * Parse a report's prose. The result equals `markdown.parse(prose)`; it is
 * only cheaper.
 */
export function parseProse(prose: string): Root {
  if (WHOLE_PROSE.test(prose)) return markdown.parse(prose);
  const blocks = splitBlocks(prose);
  const built = blocks.map((block): Paragraph | List | undefined => paragraph(prose, block) ?? list(prose, block));
  // A list goes on across blank lines into a list item or an indented block
  // after it, and one before it may take it in: only a list between two
  // built paragraphs is sure to be a list of its own.
  for (let i = 0; i < built.length; i++) {
    if (built[i]?.type !== 'list') continue;
    const before = i === 0 || built[i - 1]?.type === 'paragraph';
    const after = i === built.length - 1 || built[i + 1]?.type === 'paragraph';
    if (!before || !after) built[i] = undefined;
  }

  const children: RootContent[] = [];
  for (let i = 0; i < blocks.length; ) {
    const node = built[i];
    if (node) {
      children.push(node);
      i++;
      continue;
    }
    let last = i;
    while (last + 1 < blocks.length && !built[last + 1]) last++;
    children.push(...parseRun(prose, blocks[i]!, blocks[last]!, blocks[last + 1]?.[0].start ?? prose.length));
    i = last + 1;
  }
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: endOf(prose) } };
}

/** A line of the prose: its number and where it starts and ends (before its `\n`). */
interface Line {
  readonly number: number;
  readonly start: number;
  readonly end: number;
}

/** A maximal run of non-blank lines. */
type Block = readonly [Line, ...Line[]];

/** Split the prose into blocks. Blank means empty or spaces and tabs only, as in Markdown (U+3000 is text). */
function splitBlocks(prose: string): Block[] {
  const blocks: Block[] = [];
  let current: Line[] = [];
  const close = () => {
    const [first, ...rest] = current;
    if (first) blocks.push([first, ...rest]);
    current = [];
  };
  for (let start = 0, number = 1; start <= prose.length; number++) {
    const newline = prose.indexOf('\n', start);
    const end = newline === -1 ? prose.length : newline;
    if (isBlank(prose, start, end)) close();
    else current.push({ number, start, end });
    start = end + 1;
  }
  close();
  return blocks;
}

function isBlank(prose: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = prose.charCodeAt(i);
    if (code !== SPACE && code !== TAB) return false;
  }
  return true;
}

/**
 * Parse a run of blocks that are not built here by micromark, on their
 * own, and give their nodes the places they have in the prose. `until` is
 * where the next block starts (or the end of the prose): the run is
 * parsed with the blank lines up to there that hold spaces or tabs, as
 * indented code takes those in, and without the empty ones after them,
 * which no block takes in.
 */
function parseRun(prose: string, first: Block, last: Block, until: number): RootContent[] {
  const start = first[0].start;
  let end = lastLine(last).end;
  for (let i = end; i < until; i++) if (prose.charCodeAt(i) !== NEWLINE) end = i + 1;
  const tree = markdown.parse(prose.slice(start, Math.min(end + 1, prose.length)));
  for (const node of tree.children) shift(node, first[0].number - 1, start);
  return tree.children;
}

/** Move a node and its descendants down by `lines` lines and `offset` characters (the run starts a line: columns stay). */
function shift(node: Node, lines: number, offset: number): void {
  const position = node.position;
  if (position) node.position = { start: shiftPoint(position.start, lines, offset), end: shiftPoint(position.end, lines, offset) };
  if ('children' in node && Array.isArray(node.children)) for (const child of node.children as Node[]) shift(child, lines, offset);
}

function shiftPoint(point: Point, lines: number, offset: number): Point {
  const shifted: Point = { line: point.line + lines, column: point.column };
  if (point.offset !== undefined) shifted.offset = point.offset + offset;
  return shifted;
}

/** Where micromark puts the end of the document: after its last character, blank lines included. */
function endOf(prose: string): Point {
  const lastNewline = prose.lastIndexOf('\n');
  let lines = 1;
  for (let i = prose.indexOf('\n'); i !== -1; i = prose.indexOf('\n', i + 1)) lines++;
  return { line: lines, column: prose.length - lastNewline, offset: prose.length };
}

function lastLine(block: Block): Line {
  return block[block.length - 1]!;
}

/** A paragraph: a block whose every line starts as text, holding only text, strong text and links. */
function paragraph(prose: string, block: Block): Paragraph | undefined {
  for (const line of block) if (!startsText(prose, line.start, false) || endsInSpace(prose, line)) return undefined;
  const children = phrasing(prose, block, block[0].start);
  if (!children) return undefined;
  return { type: 'paragraph', children, position: span(block[0], block[0].start, lastLine(block), lastLine(block).end) };
}

/**
 * A tight list with one item per line (`- `, `+ `, `1. ` or `1) `, one
 * space, then text as in a paragraph), all with the same marker, as
 * micromark closes a list when the bullet or delimiter changes.
 */
function list(prose: string, block: Block): List | undefined {
  const items: ListItem[] = [];
  let marker: number | undefined;
  let start: number | null = null;
  for (const line of block) {
    const found = listMarker(prose, line);
    if (!found || (marker !== undefined && found.marker !== marker)) return undefined;
    marker = found.marker;
    if (items.length === 0 && found.value !== undefined) start = found.value;
    const content = found.contentStart;
    // A `[` first could be a task list item's checkbox.
    if (!startsText(prose, content, true) || endsInSpace(prose, line)) return undefined;
    const children = phrasing(prose, [line], content);
    if (!children) return undefined;
    items.push({
      type: 'listItem',
      spread: false,
      checked: null,
      children: [{ type: 'paragraph', children, position: span(line, content, line, line.end) }],
      position: span(line, line.start, line, line.end),
    });
  }
  return {
    type: 'list',
    ordered: start !== null,
    start,
    spread: false,
    children: items,
    position: span(block[0], block[0].start, lastLine(block), lastLine(block).end),
  };
}

/** The marker a list item line starts with: the bullet, or the delimiter and number of an ordered item. */
function listMarker(prose: string, line: Line): { marker: number; value: number | undefined; contentStart: number } | undefined {
  const first = prose.charCodeAt(line.start);
  let after: number;
  let value: number | undefined;
  let marker: number;
  if (first === DASH || first === PLUS) {
    marker = first;
    after = line.start + 1;
  } else {
    let end = line.start;
    while (end < line.end && isDigit(prose.charCodeAt(end))) end++;
    // An ordered list item has 1 to 9 digits.
    if (end === line.start || end - line.start > 9) return undefined;
    marker = prose.charCodeAt(end);
    if (marker !== DOT && marker !== RIGHT_PARENTHESIS) return undefined;
    value = Number.parseInt(prose.slice(line.start, end), 10);
    after = end + 1;
  }
  // Exactly one space: more would make the content start further in (or be indented code).
  if (prose.charCodeAt(after) !== SPACE || after + 1 >= line.end) return undefined;
  return { marker, value, contentStart: after + 1 };
}

/**
 * Whether text that starts a line (or a list item's content) at `at` is
 * sure not to start a block of its own: a heading, a quote, a list item, a
 * thematic break, a setext underline, a table delimiter row, indented code.
 */
function startsText(prose: string, at: number, listItem: boolean): boolean {
  const code = prose.charCodeAt(at);
  if (code >= 0x80 || isLetter(code)) return true;
  if (isDigit(code)) {
    // 2021年 is text; 1. and 1) start an ordered list.
    let end = at;
    while (isDigit(prose.charCodeAt(end))) end++;
    const next = prose.charCodeAt(end);
    return next !== DOT && next !== RIGHT_PARENTHESIS;
  }
  // `**` is checked as strong text (a list item or a thematic break would need a space or only stars).
  if (code === ASTERISK) return true;
  if (code === LEFT_BRACKET) return !listItem;
  return LINE_START_PUNCTUATION.has(code);
}

/** A space or tab ending a line is dropped from the text (or, two of them, a hard break). */
function endsInSpace(prose: string, line: Line): boolean {
  const code = prose.charCodeAt(line.end - 1);
  return code === SPACE || code === TAB;
}

/**
 * The phrasing content of `lines`, from `from` on the first line: text,
 * `**strong**` text and `[links](url)`, or undefined when there is
 * anything else (or anything that might be something else).
 */
function phrasing(prose: string, lines: Block, from: number): PhrasingContent[] | undefined {
  const nodes: PhrasingContent[] = [];
  let textLine = lines[0];
  let textStart = from;
  const flush = (line: Line, end: number) => {
    if (end > textStart) nodes.push(text(prose, textLine, textStart, line, end));
  };
  for (const [index, line] of lines.entries()) {
    for (let i = index === 0 ? from : line.start; i < line.end; ) {
      const code = prose.charCodeAt(i);
      if (isText(prose, i, code)) {
        i++;
        continue;
      }
      const found = code === ASTERISK ? strong(prose, line, i, index === 0 ? from : line.start) : code === LEFT_BRACKET ? link(prose, line, i) : undefined;
      if (!found) return undefined;
      flush(line, i);
      nodes.push(found.node);
      i = found.end;
      textLine = line;
      textStart = i;
    }
  }
  flush(lastLine(lines), lastLine(lines).end);
  return nodes;
}

/**
 * `**text**` on one line, as micromark reads it: each pair of `**` is a
 * run of exactly two stars, the first can open (left-flanking) and the
 * second can close (right-flanking). With no other stars (or underscores
 * or tildes) about, micromark pairs them the same way.
 */
function strong(prose: string, line: Line, at: number, lineStart: number): Found<Strong> | undefined {
  if (prose.charCodeAt(at + 1) !== ASTERISK || prose.charCodeAt(at + 2) === ASTERISK) return undefined;
  const close = prose.indexOf('**', at + 2);
  if (close === -1 || close + 2 > line.end || close === at + 2 || prose.charCodeAt(close + 2) === ASTERISK) return undefined;
  for (let i = at + 2; i < close; i++) if (!isText(prose, i, prose.charCodeAt(i))) return undefined;

  // The line's start (or the space after a list marker) and its end count as whitespace.
  const beforeOpen = at === lineStart ? WHITESPACE : classify(prose.charCodeAt(at - 1));
  const afterOpen = classify(prose.charCodeAt(at + 2));
  const beforeClose = classify(prose.charCodeAt(close - 1));
  const afterClose = close + 2 === line.end ? WHITESPACE : classify(prose.charCodeAt(close + 2));
  const opens = afterOpen === OTHER || (afterOpen === PUNCTUATION && beforeOpen !== OTHER);
  const closes = beforeClose === OTHER || (beforeClose === PUNCTUATION && afterClose !== OTHER);
  if (!opens || !closes) return undefined;
  const node: Strong = { type: 'strong', children: [text(prose, line, at + 2, line, close)], position: span(line, at, line, close + 2) };
  return { node, end: close + 2 };
}

/** `[text](url)` on one line, with plain text (not starting or ending with a space) and a URL of ordinary characters only (no escapes, entities, parentheses or title). */
function link(prose: string, line: Line, at: number): Found<Link> | undefined {
  let close = at + 1;
  while (close < line.end && prose.charCodeAt(close) !== RIGHT_BRACKET) {
    if (!isText(prose, close, prose.charCodeAt(close))) return undefined;
    close++;
  }
  if (close === line.end || close === at + 1 || prose.charCodeAt(at + 1) === SPACE || prose.charCodeAt(close - 1) === SPACE) return undefined;
  if (prose.charCodeAt(close + 1) !== LEFT_PARENTHESIS) return undefined;
  let end = close + 2;
  while (end < line.end && isUrl(prose.charCodeAt(end))) end++;
  if (end === close + 2 || end === line.end || prose.charCodeAt(end) !== RIGHT_PARENTHESIS) return undefined;
  const node: Link = {
    type: 'link',
    title: null,
    url: prose.slice(close + 2, end),
    children: [text(prose, line, at + 1, line, close)],
    position: span(line, at, line, end + 1),
  };
  return { node, end: end + 1 };
}

/** A node found in a line, and where it ends. */
interface Found<T> {
  readonly node: T;
  readonly end: number;
}

function text(prose: string, startLine: Line, start: number, endLine: Line, end: number): Text {
  return { type: 'text', value: prose.slice(start, end), position: span(startLine, start, endLine, end) };
}

function span(startLine: Line, start: number, endLine: Line, end: number): Position {
  return {
    start: { line: startLine.number, column: start - startLine.start + 1, offset: start },
    end: { line: endLine.number, column: end - endLine.start + 1, offset: end },
  };
}

/**
 * Whether the character at `at` is text wherever it stands in a line: any
 * non-ASCII character (CJK text, full-width punctuation, U+3000), ASCII
 * letters, digits, spaces, and the ASCII punctuation that starts nothing.
 * `:` and `www.` could start a GFM autolink literal (`http://`, `mailto:`,
 * `www.`), so a colon counts only where no letter comes before it (9:00
 * is text).
 */
function isText(prose: string, at: number, code: number): boolean {
  if (code >= 0x80) return true;
  if (isLetter(code)) return (code !== LOWERCASE_W && code !== UPPERCASE_W) || !/^www\./i.test(prose.slice(at, at + 4));
  if (isDigit(code) || code === SPACE || TEXT_PUNCTUATION.has(code)) return true;
  if (code === COLON) return !isLetter(prose.charCodeAt(at - 1));
  return false;
}

function isLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** ASCII a URL here may hold: letters, digits and `-._~:/?#@$+,;=%`. */
function isUrl(code: number): boolean {
  return isLetter(code) || isDigit(code) || URL_PUNCTUATION.has(code);
}

/** ASCII punctuation that is text anywhere in a line (`-`, `+`, `=` and `#` only mean something at its start). */
const TEXT_PUNCTUATION = new Set([...'"#%\'(),-./;=?{}+'].map((c) => c.charCodeAt(0)));
/** ASCII punctuation that may start a line of text. */
const LINE_START_PUNCTUATION = new Set([...'"%\'(),./;?{}'].map((c) => c.charCodeAt(0)));
const URL_PUNCTUATION = new Set([...'-._~:/?#@$+,;=%'].map((c) => c.charCodeAt(0)));

/**
 * How micromark classifies the character next to a run of stars
 * (micromark-util-classify-character): it looks at one UTF-16 code unit,
 * so half of a surrogate pair is neither whitespace nor punctuation.
 */
const WHITESPACE = 1;
const PUNCTUATION = 2;
const OTHER = 0;
function classify(code: number): number {
  if (Number.isNaN(code)) return WHITESPACE;
  const character = String.fromCharCode(code);
  if (/\s/.test(character)) return WHITESPACE;
  if (/\p{P}|\p{S}/u.test(character)) return PUNCTUATION;
  return OTHER;
}

const TAB = 0x09;
const NEWLINE = 0x0a;
const SPACE = 0x20;
const ASTERISK = 0x2a;
const PLUS = 0x2b;
const DASH = 0x2d;
const DOT = 0x2e;
const COLON = 0x3a;
const LEFT_PARENTHESIS = 0x28;
const RIGHT_PARENTHESIS = 0x29;
const LEFT_BRACKET = 0x5b;
const RIGHT_BRACKET = 0x5d;
const UPPERCASE_W = 0x57;
const LOWERCASE_W = 0x77;
