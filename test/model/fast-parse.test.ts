/**
 * The fast path of model validation must never accept what zod rejects, nor
 * give other data than zod: compared with zod's own parser on generated
 * reports and on those reports with one or a few values, keys or objects
 * changed.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fastParser, withFastPath } from '../../src/model/fast-parse.js';
import { reportSchema } from '../../src/model/index.js';
import { reportArbitrary } from '../support/arbitrary.js';

const parse = fastParser(reportSchema)!;

/** Every path to an object or a value in `value`. */
function pathsOf(value: unknown, path: string[] = []): string[][] {
  if (typeof value !== 'object' || value === null) return [path];
  return [path, ...Object.entries(value).flatMap(([key, inner]) => pathsOf(inner, [...path, key]))];
}

const strange = [
  undefined, null, -1, 1.5, -0, NaN, Infinity, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 1, 2007, 2008, 2100, 2101,
  '', '0', '01', '1.0', '1.50', '.5', '12.5', 'x', '2019', '2021', 1, 2021, true, [], {}, [1], new Date(0),
];

type Edit = (parent: Record<string, unknown>, key: string) => void;

const edits: fc.Arbitrary<Edit> = fc.oneof(
  fc.constantFrom(...strange).map((v): Edit => (parent, key) => void (parent[key] = v)),
  fc.constant<Edit>((parent, key) => void delete parent[key]),
  fc.constantFrom('extra', 'total', 'publishDate', 'indexNumber', '__proto__').map((extra): Edit => (parent) => {
    Object.defineProperty(parent, extra, { value: 1, enumerable: true, configurable: true, writable: true });
  }),
  // The same keys in another order: zod's output follows the schema's order.
  fc.constant<Edit>((parent, key) => {
    const value = parent[key];
    delete parent[key];
    parent[key] = value;
  }),
  fc.constant<Edit>((parent, key) => void (parent[key] = Object.assign(Object.create(null), parent[key]))),
  fc.constant<Edit>((parent, key) => void (parent[key] = Object.assign(Object.create({ inherited: 1 }), parent[key]))),
  fc.constant<Edit>((parent, key) => void (parent[key] = Object.values(Object(parent[key])))),
  fc.constantFrom('', '2021-01-20', 5).map((v): Edit => (parent) => void (parent['publishDate'] = v)),
);

/** A generated report with `count` edits at random paths (the root object included). */
const edited = fc
  .tuple(fc.constantFrom('2019' as const, '2021' as const), fc.integer({ min: 0, max: 3 }))
  .chain(([format, count]) => fc.tuple(reportArbitrary(format), fc.array(fc.tuple(fc.nat(), edits), { minLength: count, maxLength: count })))
  .map(([report, changes]) => {
    const root: Record<string, unknown> = { value: structuredClone(report) };
    for (const [at, edit] of changes) {
      const paths = pathsOf(root['value'], ['value']);
      const path = paths[at % paths.length]!;
      const parent = path.slice(0, -1).reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], root);
      if (typeof parent === 'object' && parent !== null && !Array.isArray(parent)) edit(parent as Record<string, unknown>, path[path.length - 1]!);
    }
    return root['value'];
  });

describe('fastParser', () => {
  it('should accept every generated valid report, as a fresh copy equal to zod’s data, keys in the same order', () => {
    fc.assert(
      fc.property(fc.constantFrom('2019' as const, '2021' as const).chain(reportArbitrary), (report) => {
        const fast = parse(report);
        const zod = reportSchema.safeParse(report);
        expect(zod.success).toBe(true);
        expect(fast).not.toBe(z.INVALID);
        expect(fast).not.toBe(report);
        expect(fast).toEqual(zod.data);
        expect(JSON.stringify(fast)).toBe(JSON.stringify(zod.data));
      }),
      { numRuns: 300 },
    );
  });

  it('should never accept what zod rejects, nor give other data than zod, on edited reports', () => {
    let accepted = 0;
    let rejected = 0;
    fc.assert(
      fc.property(edited, (candidate) => {
        const fast = parse(candidate);
        const zod = reportSchema.safeParse(candidate);
        if (fast === z.INVALID) {
          rejected++;
          return;
        }
        accepted++;
        expect(zod.success).toBe(true);
        expect(fast).toEqual(zod.data);
        expect(JSON.stringify(fast)).toBe(JSON.stringify(zod.data));
      }),
      { numRuns: 3000 },
    );
    // Both sides of the comparison were exercised.
    expect(accepted).toBeGreaterThan(100);
    expect(rejected).toBeGreaterThan(100);
  });

  it('should leave to zod a schema with a construct it does not model', () => {
    expect(fastParser(z.object({ a: z.string() }))).toBeUndefined();
    expect(fastParser(z.strictObject({ a: z.array(z.string()) }))).toBeUndefined();
    expect(fastParser(z.strictObject({ a: z.string().refine((s) => s !== 'x') }))).toBeUndefined();
    const plain = z.strictObject({ a: z.string().transform((s) => s.length) });
    expect(withFastPath(plain)).toBe(plain);
  });

  it('should model the whole report schema (else every report takes zod’s slower parser)', () => {
    expect(fastParser(reportSchema)).toBeTypeOf('function');
  });

  it('should give zod’s issues when the value is invalid', () => {
    const schema = withFastPath(reportSchema);
    const candidate = { schemaVersion: 1, agency: '某某县人民政府', year: 2007, format: '2021' };
    expect(schema.safeParse(candidate).error?.issues).toEqual(reportSchema.safeParse(candidate).error?.issues);
  });
});
