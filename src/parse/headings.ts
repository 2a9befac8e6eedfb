/** Recognising the title line and the six section headings, whatever their markup. */

import { nfkc, sections, type SectionDefinition } from '../catalogue/index.js';
import { isSpace, withoutSpace } from './chars.js';

const HASH = 0x23;
const STAR = 0x2a;
const UNDERSCORE = 0x5f;

/**
 * A line without its heading and emphasis markup: leading `#`s or `**`,
 * closing `#`s or `**`, twice over (`## **…**`). The closing markup is found
 * by walking back from the end: a pattern anchored at the end (`\s*#+\s*$`)
 * backtracks quadratically, and every line of the file passes through here
 * (so both ends are read code unit by code unit, without a regular expression).
 */
export function stripMarkup(line: string): string {
  return stripOnce(stripOnce(line)).trim();
}

function stripOnce(text: string): string {
  const start = leadingMarkup(text);
  let end = text.length;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  let hashes = end;
  while (hashes > start && text.charCodeAt(hashes - 1) === HASH) hashes--;
  if (hashes < end) {
    while (hashes > start && isSpace(text.charCodeAt(hashes - 1))) hashes--;
    return text.slice(start, hashes);
  }
  const last = text.charCodeAt(end - 1);
  if (end - start >= 2 && (last === STAR || last === UNDERSCORE) && text.charCodeAt(end - 2) === last) return text.slice(start, end - 2);
  return text.slice(start);
}

/**
 * Length of the opening markup, what `/^\s{0,3}#{1,6}\s*|^\s*(\*\*|__)/`
 * matches: up to three spaces, one to six `#`s and the spaces after them;
 * or any spaces and `**` or `__`.
 */
function leadingMarkup(text: string): number {
  let spaces = 0;
  while (spaces < text.length && isSpace(text.charCodeAt(spaces))) spaces++;
  if (spaces <= 3 && text.charCodeAt(spaces) === HASH) {
    let end = spaces + 1;
    while (end < spaces + 6 && text.charCodeAt(end) === HASH) end++;
    while (end < text.length && isSpace(text.charCodeAt(end))) end++;
    return end;
  }
  const first = text.charCodeAt(spaces);
  return (first === STAR || first === UNDERSCORE) && text.charCodeAt(spaces + 1) === first ? spaces + 2 : 0;
}

const NUMERALS = '一二三四五六七八九十';
// `一、`, `一.`, `一 ` (white space is gone by then), `第一部分`, or a lost numeral (`、主动公开…`).
const SECTION_NUMBER = new RegExp(`^(?:第([${NUMERALS}]+)部分[、.．,，:：]?|([${NUMERALS}]+)[、.．,，:：]?|[、.．])`);
const SUB_NUMBER = new RegExp(`^[（(][${NUMERALS}]+[)）]|^\\d+[、.．]`);

// Any section's word, its characters possibly apart: white space is removed only after this test.
const HEADING_WORD = new RegExp(sections.flatMap((s) => s.words.map((word) => [...word].map(escapeRegExp).join('\\s*'))).join('|'));

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** What a line says if it is a section heading. */
export interface HeadingMatch {
  readonly section: SectionDefinition;
  readonly text: string;
}

/**
 * Whether a line is one of the six section headings. Sub-headings such as
 * `（二）主动公开情况` inside 一、总体情况 are not: they use parenthesised or
 * Arabic numbering. A heading that only loosely matches must carry its own
 * numeral, so that prose is never taken for a heading.
 */
export function matchSectionHeading(line: string): HeadingMatch | undefined {
  const text = stripMarkup(line);
  if (text.length === 0 || text.length > 40) return undefined;
  // Sub-numbering as written (`（一）`, `1.`) stays in front through NFKC (its characters compose
  // with nothing) and white-space removal: such a line, a table row most often, is rejected before
  // the NFKC its full-width brackets would cost.
  if (SUB_NUMBER.test(text)) return undefined;
  const normalised = nfkc(text);
  // Most lines (table rows above all) have no section's words: no need to go on.
  if (!HEADING_WORD.test(normalised)) return undefined;
  const normal = withoutSpace(normalised);
  if (SUB_NUMBER.test(normal)) return undefined;
  const numbered = SECTION_NUMBER.exec(normal);
  const numeral = numbered?.[1] ?? numbered?.[2];
  const body = (numbered ? normal.slice(numbered[0].length) : normal).replace(/[:：。.]+$/, '');
  for (const section of sections) {
    // The first pattern is the strict one; the others need the section's own numeral.
    const patterns = section.patterns;
    if (patterns[0]?.test(body)) return { section, text };
    if (numeral !== section.numeral) continue;
    for (let i = 1; i < patterns.length; i++) if (patterns[i]!.test(body)) return { section, text };
  }
  return undefined;
}

const TITLE = /^(.*?)(\d{4})\s*年度?(.*)$/;

/** Agency and year of a title line such as `# 常袋镇人民政府2021年政府信息公开工作年度报告`. */
export function matchTitle(line: string): { text: string; agency: string; year: number } | undefined {
  const text = stripMarkup(line);
  if (text.length > 120) return undefined;
  const normal = nfkc(text);
  const match = TITLE.exec(normal);
  if (!match || !/报告/.test(match[3] ?? '') || !/信息公开/.test(normal)) return undefined;
  const year = Number(match[2]);
  const agency = (match[1] ?? '').replace(/[\s\u00a0\u3000《「“]+/g, '').trim();
  return { text, agency, year };
}
