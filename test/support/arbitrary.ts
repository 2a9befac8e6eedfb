/**
 * fast-check arbitraries for property tests: reports of both formats whose
 * every relation of FORMAT.md §4–5 holds, plausible layouts (every field of
 * `Layout`), and ways to break exactly one relation.
 */

import fc from 'fast-check';
import {
  applicantColumnKeys,
  applicationRows2019,
  applicationRows2021,
  disclosureRows2019,
  disclosureRows2021,
  reviewColumns,
  reviewGroups,
  type ApplicationRow,
  type DisclosureRow,
  type ValueKind,
} from '../../src/catalogue/index.js';
import type { Report } from '../../src/model/index.js';
import type { Layout } from './write-report.js';

type Counts = Record<string, number>;
/** A report whose rows can be indexed and changed in tests. */
export type LooseReport = Report & {
  activeDisclosure: Record<string, Record<string, number | string>>;
  applications: Record<string, Counts>;
  reviewLitigation: Record<string, Counts>;
};

const parts = applicantColumnKeys.filter((c) => c !== 'total');

/** Mostly small counts, as real reports have, with a few large ones. */
export const count: fc.Arbitrary<number> = fc.oneof(
  { weight: 5, arbitrary: fc.constant(0) },
  { weight: 5, arbitrary: fc.integer({ min: 0, max: 30 }) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 100_000 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 1_000_000_000_000 }) },
);

const signedCount = fc.oneof(count, count.map((n) => -n || 0));

/** An exact decimal string in canonical form: no leading zeros, no trailing zeros after the point. */
export const amount: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 999_999_999_999 })),
    fc.oneof(fc.constant(''), fc.stringMatching(/^\d{1,6}$/)),
  )
  .map(([int, fraction]) => {
    const frac = fraction.replace(/0+$/, '');
    return frac ? `${int}.${frac}` : String(int);
  });

const value: Record<ValueKind, fc.Arbitrary<number | string>> = { count, signedCount, amount };

const agency = fc.oneof(
  fc.constantFrom('淮安市人民政府', '常袋镇人民政府', '江苏省人民政府', '国家税务总局', '某某县人民政府', '淮安市教育局', '海淀区城市管理委员会', '新港街道办事处'),
  fc
    .tuple(
      fc.constantFrom('淮安', '常袋', '示例', '海淀', '浦东新', '广西壮族', '长沙'),
      fc.constantFrom('市', '县', '区', '镇', '街道', '省', '自治区', ''),
      fc.constantFrom('人民政府', '教育局', '办事处', '发展和改革委员会', '人民政府办公室', '司法局', '自然资源和规划局'),
    )
    .map((words) => words.join('')),
);

function disclosure(rows: readonly DisclosureRow[]): fc.Arbitrary<Record<string, Record<string, number | string>>> {
  return fc.record(Object.fromEntries(rows.map((r) => [r.key, fc.record(Object.fromEntries(r.columns.map((c) => [c.key, value[c.kind]])))])));
}

/** Six applicant columns, mostly all zero (most rows of most reports are). */
const rowParts: fc.Arbitrary<Counts> = fc.oneof(
  { weight: 1, arbitrary: fc.constant(Object.fromEntries(parts.map((c) => [c, 0]))) },
  { weight: 2, arbitrary: fc.record(Object.fromEntries(parts.map((c) => [c, count]))) },
);

const withTotal = (counts: Counts): Counts => ({ ...counts, total: parts.reduce((s, c) => s + counts[c]!, 0) });

/**
 * Section 三 with every relation holding: result rows at random, 总计 their
 * column sums, carried over and forward at random, and received what the
 * balance leaves (carried over is cut to keep it non-negative).
 */
function applications(rows: readonly ApplicationRow[]): fc.Arbitrary<Record<string, Counts>> {
  const results = rows.filter((r) => r.role === 'result');
  return fc.tuple(fc.array(rowParts, { minLength: results.length, maxLength: results.length }), rowParts, rowParts).map(([resultParts, over, forward]) => {
    const byKey: Record<string, Counts> = {};
    results.forEach((r, i) => (byKey[r.key] = withTotal(resultParts[i]!)));
    const processed = Object.fromEntries(parts.map((c) => [c, results.reduce((s, r) => s + byKey[r.key]![c]!, 0)]));
    const carriedOver = Object.fromEntries(parts.map((c) => [c, Math.min(over[c]!, processed[c]! + forward[c]!)]));
    const received = Object.fromEntries(parts.map((c) => [c, processed[c]! + forward[c]! - carriedOver[c]!]));
    byKey['totalProcessed'] = withTotal(processed);
    byKey['carriedForward'] = withTotal(forward);
    byKey['carriedOver'] = withTotal(carriedOver);
    byKey['received'] = withTotal(received);
    return Object.fromEntries(rows.map((r) => [r.key, orderColumns(byKey[r.key]!)]));
  });
}

const orderColumns = (counts: Counts): Counts => Object.fromEntries(applicantColumnKeys.map((c) => [c, counts[c]!]));

const reviewLitigation: fc.Arbitrary<Record<string, Counts>> = fc.record(
  Object.fromEntries(
    reviewGroups.map((g) => [
      g.key,
      fc.tuple(count, count, count, count).map(([upheld, corrected, other, pending]) => ({ upheld, corrected, other, pending, total: upheld + corrected + other + pending })),
    ]),
  ),
);

/** A report of `format` whose every relation of FORMAT.md §4–5 holds. */
export function reportArbitrary(format: '2019' | '2021'): fc.Arbitrary<LooseReport> {
  const years = format === '2021' ? fc.integer({ min: 2021, max: 2035 }) : fc.constantFrom(2019, 2020);
  return fc
    .record({
      agency,
      year: years,
      titleYear: fc.constantFrom('年', '年度'),
      activeDisclosure: disclosure(format === '2021' ? disclosureRows2021 : disclosureRows2019),
      applications: applications(format === '2021' ? applicationRows2021 : applicationRows2019),
      reviewLitigation,
    })
    .map(({ agency, year, titleYear, activeDisclosure, applications, reviewLitigation }) => ({
      schemaVersion: 1,
      agency,
      year,
      format,
      title: `${agency}${year}${titleYear}政府信息公开工作年度报告`,
      activeDisclosure,
      applications,
      reviewLitigation,
    })) as fc.Arbitrary<LooseReport>;
}

/** Any layout `writeReportMarkdown` can write: every field drawn at random, or left to its default. */
export const layoutArbitrary: fc.Arbitrary<Layout> = fc.record(
  {
    table: fc.constantFrom('tsv', 'pipe'),
    shift: fc.boolean(),
    blankLineInTable: fc.boolean(),
    asciiBrackets: fc.boolean(),
    enumeratedComma: fc.boolean(),
    headingLevels: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 6, maxLength: 6 }),
    crlf: fc.boolean(),
    bom: fc.boolean(),
    socialOrganisation: fc.boolean(),
    proseParagraphs: fc.integer({ min: 0, max: 3 }),
  },
  { requiredKeys: [] },
);

/** One relation of FORMAT.md §4–5 to break, and where. */
export interface Break {
  readonly rule: 'section-three-balance' | 'results-total' | 'row-total' | 'review-litigation-total';
  /** The source map key of the row whose line the error must point at. */
  readonly row: string;
}

/**
 * Break exactly one kind of relation in a copy of `report`, keeping every
 * count non-negative:
 * - row-total: one row's 总计 changes;
 * - results-total: one result row's cell and its 总计 change together (its row still adds up);
 * - section-three-balance: a cell of 第一项, 第二项 or 第四项 and its 总计 change together;
 * - review-litigation-total: one number of section 四 changes.
 */
export const brokenReportArbitrary = (format: '2019' | '2021'): fc.Arbitrary<{ report: LooseReport; broken: Break }> =>
  fc
    .record({
      report: reportArbitrary(format),
      rule: fc.constantFrom('section-three-balance', 'results-total', 'row-total', 'review-litigation-total') as fc.Arbitrary<Break['rule']>,
      row: fc.nat(),
      column: fc.nat(),
      delta: fc.integer({ min: 1, max: 1000 }),
      down: fc.boolean(),
    })
    .map(({ report: original, rule, row, column, delta, down }) => {
      const report = structuredClone(original);
      const rows = format === '2021' ? applicationRows2021 : applicationRows2019;
      const change = (counts: Counts, keys: readonly string[]) => {
        const d = down && keys.every((k) => counts[k]! >= delta) ? -delta : delta;
        for (const k of keys) counts[k] = counts[k]! + d;
      };
      const part = parts[column % parts.length]!;
      let broken: Break;
      if (rule === 'row-total') {
        const key = rows[row % rows.length]!.key;
        change(report.applications[key]!, ['total']);
        broken = { rule, row: `applications.${key}` };
      } else if (rule === 'results-total') {
        const results = rows.filter((r) => r.role === 'result');
        change(report.applications[results[row % results.length]!.key]!, [part, 'total']);
        broken = { rule, row: 'applications.totalProcessed' };
      } else if (rule === 'section-three-balance') {
        const key = (['received', 'carriedOver', 'carriedForward'] as const)[row % 3]!;
        change(report.applications[key]!, [part, 'total']);
        broken = { rule, row: 'applications.received' };
      } else {
        const group = reviewGroups[row % reviewGroups.length]!.key;
        change(report.reviewLitigation[group]!, [reviewColumns[column % reviewColumns.length]!.key]);
        broken = { rule, row: `reviewLitigation.${group}` };
      }
      return { report, broken };
    });

/**
 * `report` with its 第二项 (carried over) set to `carriedOver`, 第一项
 * re-derived so that the balance still holds, and 第四项 raised where 第一项
 * would otherwise be negative.
 */
export function withCarriedOver(report: LooseReport, carriedOver: Counts): LooseReport {
  const next = structuredClone(report);
  const a = next.applications as Record<string, Counts>;
  const processed = a['totalProcessed']!;
  const forward = { ...a['carriedForward']! };
  const received: Counts = {};
  for (const c of parts) {
    const deficit = carriedOver[c]! - processed[c]! - forward[c]!;
    if (deficit > 0) forward[c] = forward[c]! + deficit;
    received[c] = processed[c]! + forward[c]! - carriedOver[c]!;
  }
  a['carriedOver'] = orderColumns(withTotal(Object.fromEntries(parts.map((c) => [c, carriedOver[c]!]))));
  a['carriedForward'] = orderColumns(withTotal(forward));
  a['received'] = orderColumns(withTotal(received));
  return next;
}

/**
 * Two consecutive years of one agency whose carry-over holds, and, when
 * `broken`, the earlier year's 第四项 (and 第一项, to keep its balance) moved
 * by `delta` in one column, so that only the carry-over relation breaks.
 */
export const consecutiveYearsArbitrary: fc.Arbitrary<{ earlier: LooseReport; later: LooseReport; column: string; broken: boolean }> = fc
  .record({ earlier: reportArbitrary('2021'), later: reportArbitrary('2021'), column: fc.constantFrom(...parts), delta: fc.integer({ min: 1, max: 50 }), broken: fc.boolean() })
  .map(({ earlier: first, later: second, column, delta, broken }) => {
    const earlier = structuredClone(first);
    if (broken) {
      for (const key of ['carriedForward', 'received']) {
        const row = earlier.applications[key]!;
        row[column] = row[column]! + delta;
        row['total'] = row['total']! + delta;
      }
    }
    const year = earlier.year + 1;
    const later = withCarriedOver({ ...second, agency: earlier.agency, year, title: `${earlier.agency}${year}年政府信息公开工作年度报告` }, first.applications['carriedForward']!);
    return { earlier, later, column, broken };
  });
