/**
 * Reading one table cell as a number, once, at the edge of the model.
 * Counts become safe integers; amounts become exact decimal strings: a
 * published figure never passes through a float.
 */

import { nfkc, type ValueKind } from '../catalogue/index.js';

/** How a cell was read. `issue` is set when the reading needs the editor's attention. */
export type CellReading =
  | { readonly ok: true; readonly value: number | string; readonly issue?: CellIssue }
  | { readonly ok: false; readonly issue: CellIssue };

/** What was unusual about a cell. */
export type CellIssue =
  | { readonly code: 'empty-cell'; readonly found: string }
  | { readonly code: 'cell-note'; readonly found: string; readonly read: string }
  | { readonly code: 'cell-unit'; readonly found: string; readonly read: string }
  | { readonly code: 'not-a-number'; readonly found: string }
  | { readonly code: 'not-an-integer'; readonly found: string }
  | { readonly code: 'negative-number'; readonly found: string }
  | { readonly code: 'number-too-large'; readonly found: string };

/** A cell that stands for zero or for nothing: empty, a dash, a slash. */
const EMPTY = /^(?:|[-‐‑‒–—―－/／\\]|——|--)$/;
const PLAIN = /^([-+]?)(\d+|\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/;
const NOTE = /^([-+]?\d[\d,]*(?:\.\d+)?)\s*[(（[【].*$/s;
const UNIT = /^([-+]?\d[\d,]*(?:\.\d+)?)\s*(万元|元|件|个|项|条|次|宗|人次)$/;

/**
 * Whether a cell starts with a CJK ideograph or an opening bracket, as row
 * labels do. Such a character stays first after `canonical` (NFKC leaves an
 * ideograph alone and makes `（` `(`) and is not a digit, sign or dash, so
 * the cell is neither number-like nor empty-like: no need to canonicalise it.
 */
function startsAsLabel(text: string): boolean {
  const c = text.charCodeAt(0);
  return (c >= 0x4e00 && c <= 0x9fff) || c === 0x28 || c === 0xff08;
}

/** Whether a cell looks like a number (or an empty stand-in): used to tell label cells from value cells. */
export function isNumberLike(text: string): boolean {
  if (startsAsLabel(text)) return false;
  // `3 0` is a (bad) number cell, not a label: readCell reports it at the cell.
  const t = canonical(text).replace(/ /g, '');
  return EMPTY.test(t) || PLAIN.test(t) || NOTE.test(t) || UNIT.test(t);
}

/** Whether a cell is empty or a stand-in for nothing. */
export function isEmptyLike(text: string): boolean {
  if (startsAsLabel(text)) return false;
  return EMPTY.test(canonical(text));
}

/**
 * The value of a count written in one to fifteen ASCII digits, else -1. Read
 * digit by digit (exact: below 2^53), without a regular expression and a
 * number parse for each of the 250 cells of a report.
 */
function plainCount(text: string): number {
  if (text.length === 0 || text.length > 15) return -1;
  let value = 0;
  for (let i = 0; i < text.length; i++) {
    const digit = text.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

// The readings of the small counts most cells hold, made once: a reading is never changed.
const SMALL_COUNTS: readonly CellReading[] = Array.from({ length: 1024 }, (_, value) => Object.freeze({ ok: true, value }));

/**
 * Read a cell. `unit` is the unit of an amount column (万元 by default): an
 * amount written in 元 inside a 万元 column is converted exactly.
 */
export function readCell(text: string, kind: ValueKind, unit: '万元' | '元' = '万元'): CellReading {
  // Most cells are a count in plain digits: what the general path below makes of them, directly.
  const count = kind === 'amount' ? -1 : plainCount(text);
  if (count >= 0) return SMALL_COUNTS[count] ?? { ok: true, value: count };
  const t = canonical(text);
  if (EMPTY.test(t)) return { ok: true, value: kind === 'amount' ? '0' : 0, issue: { code: 'empty-cell', found: text } };
  let number = t;
  let issue: CellIssue | undefined;
  let cellUnit: string | undefined;
  if (!PLAIN.test(t)) {
    const unitMatch = UNIT.exec(t);
    const noteMatch = unitMatch ? null : NOTE.exec(t);
    if (unitMatch) {
      number = unitMatch[1]!;
      cellUnit = unitMatch[2]!;
    } else if (noteMatch) {
      number = noteMatch[1]!;
    } else return { ok: false, issue: { code: 'not-a-number', found: text } };
  }
  const match = PLAIN.exec(number);
  if (!match) return { ok: false, issue: { code: 'not-a-number', found: text } };
  const [, sign, digits, fraction] = match;
  const integerPart = digits!.replace(/,/g, '');

  let value: number | string;
  if (kind === 'amount') {
    if (sign === '-') return { ok: false, issue: { code: 'negative-number', found: text } };
    // Same bound as counts: no published amount has 16 digits before the point (a paste ran cells together).
    if (integerPart.replace(/^0+/, '').length > 15) return { ok: false, issue: { code: 'number-too-large', found: text } };
    // Amounts are stored in 万元 whatever the column's unit: a unit written in the cell wins.
    const decimal = canonicalDecimal(integerPart, fraction ?? '');
    const written = cellUnit === '元' || cellUnit === '万元' ? cellUnit : unit;
    value = written === '元' ? shiftDecimal(decimal, -4) : decimal;
  } else {
    if (fraction !== undefined && /[1-9]/.test(fraction)) return { ok: false, issue: { code: 'not-an-integer', found: text } };
    if (sign === '-' && kind === 'count' && /[1-9]/.test(integerPart)) return { ok: false, issue: { code: 'negative-number', found: text } };
    if (integerPart.length > 15 || Number(integerPart) > Number.MAX_SAFE_INTEGER) {
      return { ok: false, issue: { code: 'number-too-large', found: text } };
    }
    value = sign === '-' ? -Number(integerPart) || 0 : Number(integerPart);
  }
  if (cellUnit) {
    issue = { code: 'cell-unit', found: text, read: String(value) };
  } else if (t !== number) {
    issue = { code: 'cell-note', found: text, read: String(value) };
  }
  return issue ? { ok: true, value, issue } : { ok: true, value };
}

// Most cells are plain ASCII numbers, which canonical leaves as they are: skip its NFKC and replacements.
const ASCII_NUMBER = /^[0-9.,+-]*$/;

const SPACE = /[\s\u00a0\u3000\u200b\ufeff]+/g;
// Every character one of canonical's replacements acts on.
const REPLACED = /[，\s\u00a0\u3000\u200b\ufeff−﹣]/;
// White space between digits before a group of three is a thousands separator: `1 234`.
const SPACE_SEPARATOR = /(\d)[\s\u00a0\u3000\u200b\ufeff]+(?=\d{3}(?!\d))/g;

/**
 * NFKC (full-width digits and punctuation), Chinese commas as separators, no
 * white space except one space between digits that are not a thousands
 * group: `3 0` is two numbers run together, never 30.
 */
function canonical(text: string): string {
  if (ASCII_NUMBER.test(text)) return text;
  const normal = nfkc(text);
  // Most cells that get here are row labels, with none of the characters the replacements change.
  if (!REPLACED.test(normal)) return normal;
  return normal
    .replace(/，/g, ',')
    .replace(SPACE_SEPARATOR, '$1,')
    .replace(SPACE, (space, offset: number, all: string) => (/\d/.test(all[offset - 1] ?? '') && /\d/.test(all[offset + space.length] ?? '') ? ' ' : ''))
    .replace(/[−﹣]/g, '-');
}

/** `007.50` → `7.5`; `0.0000` → `0`. */
function canonicalDecimal(integerPart: string, fraction: string): string {
  const int = integerPart.replace(/^0+(?=\d)/, '');
  // Not `/0+$/`: tried from every zero of a long fraction, it is quadratic.
  let end = fraction.length;
  while (end > 0 && fraction[end - 1] === '0') end--;
  const frac = fraction.slice(0, end);
  return frac ? `${int}.${frac}` : int;
}

/** Multiply a non-negative decimal string by 10^places, exactly. */
export function shiftDecimal(decimal: string, places: number): string {
  const [int = '0', frac = ''] = decimal.split('.');
  const digits = int + frac;
  let point = int.length + places;
  let all = digits;
  if (point <= 0) {
    all = '0'.repeat(1 - point) + all;
    point = 1;
  }
  if (point > all.length) all = all + '0'.repeat(point - all.length);
  return canonicalDecimal(all.slice(0, point) || '0', all.slice(point));
}
