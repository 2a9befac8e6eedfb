/**
 * Property tests on whatever an editor's file may hold: arbitrary text,
 * arbitrary bytes, and arbitrary mutations of the real reports. processReport
 * never throws, finishes in bounded time, and every message it gives is
 * well formed: a registered rule id with its severity, a place inside the
 * file, a reason without `undefined` in it. A mutated real report that gives
 * no error reads the same numbers in section 三 as the original.
 */

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { processReport, type ProcessedReport } from '../../src/process.js';
import { expectWellFormed } from '../support/messages.js';
import { mutate, mutation, tokens } from '../support/mutate.js';

/** Slowest processReport call seen, in milliseconds. */
let slowest = 0;
const LIMIT_MS = 2000;

function check(bytes: Uint8Array): ProcessedReport {
  const start = performance.now();
  const result = processReport({ path: 'reports/2024.md', pathYear: 2024 }, bytes);
  const took = performance.now() - start;
  slowest = Math.max(slowest, took);
  expect(took).toBeLessThan(LIMIT_MS);
  expectWellFormed(result);
  return result;
}

const reportLike = fc.array(fc.constantFrom(...tokens), { maxLength: 300 }).map((parts) => parts.join(''));

const RUNS = { tokens: 5000, unicode: 2500, bytes: 3000, mutations: 3000 };

describe('property: any input gives well-formed messages in bounded time, never an exception', () => {
  it(`should handle ${RUNS.tokens} texts made of report pieces`, () => {
    fc.assert(fc.property(reportLike, (text) => void check(Buffer.from(text))), { numRuns: RUNS.tokens });
  }, 120_000);

  it(`should handle ${RUNS.unicode} arbitrary Unicode texts`, () => {
    const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), fc.string({ unit: 'grapheme', maxLength: 400 }), fc.string({ maxLength: 400 }));
    fc.assert(fc.property(text, (t) => void check(Buffer.from(t))), { numRuns: RUNS.unicode });
  }, 120_000);

  it(`should handle ${RUNS.bytes} arbitrary byte strings, with and without a byte order mark`, () => {
    const bom = fc.constantFrom([], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]);
    const bytes = fc.tuple(bom, fc.oneof(fc.uint8Array({ maxLength: 1000 }), reportLike.map((t) => new Uint8Array(Buffer.from(t, 'utf16le')))));
    fc.assert(fc.property(bytes, ([prefix, body]) => void check(Buffer.concat([Buffer.from(prefix), body]))), { numRuns: RUNS.bytes });
  }, 120_000);
});

const encodings = {
  'utf-8': (t: string) => Buffer.from(t),
  'utf-8 with BOM and CRLF': (t: string) => Buffer.from(`\ufeff${t.replace(/\n/g, '\r\n')}`),
  'utf-16le': (t: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')]),
  'utf-16be': (t: string) => {
    const body = Buffer.from(t, 'utf16le');
    body.swap16();
    return Buffer.concat([Buffer.from([0xfe, 0xff]), body]);
  },
};

describe('property: mutated real reports', () => {
  for (const name of ['huaian-2024', 'changdai-2021']) {
    const text = readFileSync(new URL(`../fixtures/corpus/${name}.md`, import.meta.url), 'utf8');
    const expected = JSON.parse(readFileSync(new URL(`../fixtures/corpus/${name}.expected.json`, import.meta.url), 'utf8'));
    it(`should handle ${RUNS.mutations} mutations of ${name} (deleted, duplicated and blank lines, swapped and replaced cells, inserted tabs and pipes, truncation) in any encoding`, () => {
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 5 }), fc.constantFrom(...(Object.keys(encodings) as (keyof typeof encodings)[])), (mutations, encoding) => {
          const mutated = mutate(text, mutations);
          const { file, model } = check(encodings[encoding](mutated));
          if (encoding !== 'utf-8') {
            // The encoding changes nothing but the file-encoding warning.
            const plain = processReport({ path: 'reports/2024.md', pathYear: 2024 }, Buffer.from(mutated));
            const list = (messages: typeof file.messages) => messages.filter((m) => m.ruleId !== 'file-encoding').map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.reason}`);
            expect(list(file.messages)).toEqual(list(plain.file.messages));
          }
          // One edit that gives no error must not have changed a number of section 三 or a total of section 四.
          if (mutations.length === 1 && !file.messages.some((m) => m.fatal)) {
            expect(model?.report?.applications, JSON.stringify(mutations)).toEqual(expected.applications);
            const totals = (r: typeof expected.reviewLitigation) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, (v as { total: number }).total]));
            expect(totals(model?.report?.reviewLitigation), JSON.stringify(mutations)).toEqual(totals(expected.reviewLitigation));
          }
        }),
        { numRuns: RUNS.mutations },
      );
    }, 120_000);
  }

  it(`should have processed every input within ${LIMIT_MS} ms`, () => {
    // Runs last in this file: reports the slowest case of all the properties above.
    console.log(`slowest processReport call: ${slowest.toFixed(1)} ms`);
    expect(slowest).toBeLessThan(LIMIT_MS);
  });
});
