/**
 * `prose-figures`: figures quoted in the preamble and 一、总体情况 agree with
 * the tables. Only unambiguous phrases are read (a real 2019 provincial
 * report said 予以公开及部分公开258件 while its table said 275).
 */

import type { Draft } from '../model/index.js';
import type { Place } from '../parse/types.js';
import { placeOf } from '../parse/lines.js';
import { defineCheck } from './types.js';

interface Phrase {
  readonly pattern: RegExp;
  /** A word every match of `pattern` contains: a line without it is not searched (most lines). */
  readonly word: string;
  readonly what: string;
  readonly value: (draft: Draft) => number | undefined;
}

const N = '(\\d[\\d,]*)';
/** The phrases read, exported for their tests. */
export const phrases: readonly Phrase[] = [
  {
    pattern: new RegExp(`(?:共|全年)(?:收到|受理|新收)(?:各类)?(?:政府信息公开)?申请(?:共计)?\\s*${N}\\s*件`, 'g'),
    word: '申请',
    what: '“本年新收政府信息公开申请数量”总计',
    value: (d) => d.applications['received']?.total,
  },
  {
    pattern: new RegExp(`上年(?:度)?结转(?:的)?(?:政府信息公开)?申请\\s*${N}\\s*件`, 'g'),
    word: '结转',
    what: '“上年结转政府信息公开申请数量”总计',
    value: (d) => d.applications['carriedOver']?.total,
  },
  {
    pattern: new RegExp(`予以公开(?:和|及|与|、)部分公开(?:的)?(?:申请)?(?:共)?\\s*${N}\\s*件`, 'g'),
    word: '部分公开',
    what: '“予以公开”与“部分公开”总计之和',
    value: (d) => {
      const a = d.applications['granted']?.total;
      const b = d.applications['partiallyGranted']?.total;
      return a === undefined || b === undefined ? undefined : a + b;
    },
  },
  {
    pattern: new RegExp(`(?:政府信息公开)?行政复议(?:案件|申请)?(?:共)?\\s*${N}\\s*(?:件|起)`, 'g'),
    word: '行政复议',
    what: '行政复议总计',
    value: (d) => d.reviewLitigation.review?.total,
  },
  {
    pattern: new RegExp(`(?:政府信息公开)?行政诉讼(?:案件)?(?:共)?\\s*${N}\\s*(?:件|起)`, 'g'),
    word: '行政诉讼',
    what: '行政诉讼总计（两类之和）',
    value: (d) => {
      const a = d.reviewLitigation.litigationDirect?.total;
      const b = d.reviewLitigation.litigationAfterReview?.total;
      return a === undefined || b === undefined ? undefined : a + b;
    },
  },
];

export const proseFigures = defineCheck('prose-figures', ({ draft, parsed }, emit) => {
  const overview = parsed.sections.find((s) => s.key === 'overview');
  const ranges = [parsed.preamble, ...(overview ? [{ start: overview.bodyStart, end: overview.bodyEnd }] : [])];
  const lines = parsed.prose.split('\n');
  const values = phrases.map((phrase) => phrase.value(draft));
  for (const { start, end } of ranges) {
    for (let n = start; n <= end && n <= lines.length; n++) {
      const text = lines[n - 1]!;
      if (!/\d/.test(text)) continue;
      phrases.forEach((phrase, k) => {
        const table = values[k];
        if (table === undefined || !text.includes(phrase.word)) return;
        for (const match of text.matchAll(phrase.pattern)) {
          const prose = Number(match[1]!.replace(/,/g, ''));
          if (prose === table) continue;
          const place: Place = placeOf(n, match.index, match.index + match[0].length);
          emit({ phrase: match[0], prose, table, what: phrase.what }, place);
        }
      });
    }
  }
});
