/**
 * The figures of one agency's reports, year after year, such that every
 * relation of FORMAT.md §4–5 holds and each year's 上年结转 is the previous
 * year's 结转下年度继续办理 (the site-wide carry-over check).
 */

import {
  applicantColumns,
  applicationRows2019,
  applicationRows2021,
  reviewColumns,
  reviewGroups,
  type ApplicationRow,
} from '../../src/catalogue/index.js';
import type { ApplicantCounts, Report, ReportFormat, ReviewLitigation } from '../../src/model/index.js';
import type { Agency } from './agencies.js';
import type { Random } from './random.js';

type Parts = Record<Exclude<keyof ApplicantCounts, 'total'>, number>;
const PARTS = applicantColumns.filter((c) => c.key !== 'total').map((c) => c.key) as (keyof Parts)[];
// Who asks: mostly natural persons (FORMAT.md §4 columns).
const SHARE: Record<keyof Parts, number> = { natural: 0.86, commercial: 0.07, research: 0.005, social: 0.005, legal: 0.035, other: 0.025 };
// How requests end, by leaf row key (the rest of the weight is spread thin).
const OUTCOME: Record<string, number> = {
  granted: 40,
  partiallyGranted: 9,
  'withheld.thirdPartyRights': 2,
  'withheld.processInformation': 2,
  'withheld.internalAffairs': 1,
  'unavailable.notHeld': 24,
  'unavailable.needsCreation': 3,
  'unavailable.stillUnclear': 3,
  'notProcessed.complaint': 3,
  'notProcessed.repeated': 2,
  'otherDisposal.noCorrection': 2,
  'otherDisposal.other': 2,
  otherDisposal: 4,
};

/** The format of a year's report: 2019 and 2020 use 国办公开办函〔2019〕60号. */
export function formatOf(year: number): ReportFormat {
  return year >= 2021 ? '2021' : '2019';
}

/** What one year hands to the next. */
export interface Carry {
  readonly carriedForward: Parts;
}

/** The open-data model of `agency`'s report on `year`, continuing from `previous`. */
export function figures(agency: Agency, year: number, previous: Carry | undefined, rng: Random, meta: { publishDate?: string; indexNumber?: string }): { report: Report; carry: Carry } {
  const format = formatOf(year);
  const rows = format === '2021' ? applicationRows2021 : applicationRows2019;
  const scale = agency.requests * (0.7 + 0.6 * rng.next());
  const applications = applicationFigures(rows, scale, previous, rng);
  const report = {
    schemaVersion: 1 as const,
    agency: agency.name,
    year,
    format,
    title: `${agency.name}${year}年${rng.chance(0.1) ? '度' : ''}政府信息公开工作年度报告`,
    ...(meta.publishDate ? { publishDate: meta.publishDate } : {}),
    ...(meta.indexNumber ? { indexNumber: meta.indexNumber } : {}),
    activeDisclosure: format === '2021' ? disclosure2021(agency, rng) : disclosure2019(agency, rng),
    applications: applications.rows,
    reviewLitigation: reviewFigures(scale, rng),
  } as Report;
  return { report, carry: { carriedForward: applications.carriedForward } };
}

function applicationFigures(rows: readonly ApplicationRow[], scale: number, previous: Carry | undefined, rng: Random) {
  const leaves = rows.filter((r) => r.role === 'result');
  const weights = leaves.map((r) => OUTCOME[r.key] ?? 0.3);
  const parts: Record<string, Parts> = {};
  for (const r of rows) parts[r.key] = { natural: 0, commercial: 0, research: 0, social: 0, legal: 0, other: 0 };
  for (const c of PARTS) {
    const processed = Math.round(scale * SHARE[c] * (0.5 + rng.next()));
    spread(processed, weights, rng).forEach((n, i) => (parts[leaves[i]!.key]![c] = n));
    const total = leaves.reduce((s, r) => s + parts[r.key]![c], 0);
    parts['totalProcessed']![c] = total;
    const carriedOver = previous ? previous.carriedForward[c] : Math.round(total * 0.04 * rng.next());
    let carriedForward = Math.round(total * 0.06 * rng.next());
    // received + carried over = processed + carried forward, with nothing negative.
    let received = total + carriedForward - carriedOver;
    if (received < 0) {
      carriedForward -= received;
      received = 0;
    }
    parts['carriedOver']![c] = carriedOver;
    parts['carriedForward']![c] = carriedForward;
    parts['received']![c] = received;
  }
  const out: Record<string, ApplicantCounts> = {};
  for (const r of rows) {
    const p = parts[r.key]!;
    out[r.key] = { ...p, total: PARTS.reduce((s, c) => s + p[c], 0) };
  }
  return { rows: out, carriedForward: parts['carriedForward']! };
}

/** `n` split over buckets in proportion to `weights`, with some noise; the parts add up to `n`. */
function spread(n: number, weights: readonly number[], rng: Random): number[] {
  const out = weights.map(() => 0);
  let left = n;
  let weightLeft = weights.reduce((s, w) => s + w, 0);
  for (let i = 0; i < weights.length - 1 && left > 0; i++) {
    const share = (weights[i]! / weightLeft) * left * (0.6 + 0.8 * rng.next());
    const take = Math.min(left, Math.round(share));
    out[i] = take;
    left -= take;
    weightLeft -= weights[i]!;
  }
  out[weights.length - 1]! += left;
  return out;
}

function reviewFigures(scale: number, rng: Random): ReviewLitigation {
  const result = {} as Record<string, Record<string, number>>;
  reviewGroups.forEach((group, g) => {
    const cases = Math.round(scale * [0.04, 0.012, 0.008][g]! * rng.next() * 2);
    const [upheld = 0, corrected = 0, other = 0, pending = 0] = spread(cases, [6, 1, 2, 1], rng);
    const counts: Record<string, number> = { upheld, corrected, other, pending, total: cases };
    result[group.key] = Object.fromEntries(reviewColumns.map((c) => [c.key, counts[c.key]!]));
  });
  return result as ReviewLitigation;
}

/** An amount in 万元 as an exact decimal string without trailing zeros. */
function amount(rng: Random, max: number): string {
  const whole = rng.int(0, max);
  const digits = rng.int(0, 4);
  let fraction = '';
  for (let i = 0; i < digits; i++) fraction += String(rng.int(0, 9));
  fraction = fraction.replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
}

function size(agency: Agency): number {
  return agency.kind === 'township' ? 1 : agency.level === 'county' ? 4 : agency.level === 'city' ? 12 : 30;
}

function disclosure2021(agency: Agency, rng: Random): Report['activeDisclosure'] {
  const s = size(agency);
  const documents = (n: number) => {
    const issued = rng.int(0, n);
    return { issued, repealed: rng.int(0, Math.ceil(n / 2)), inForce: issued + rng.int(0, n * 10) };
  };
  return {
    regulations: agency.makesRegulations ? documents(6) : { issued: 0, repealed: 0, inForce: 0 },
    normativeDocuments: documents(s * 2),
    licensing: { decisions: rng.int(0, s * 400) },
    penalty: { decisions: rng.int(0, s * 200) },
    coercion: { decisions: rng.int(0, s * 20) },
    fees: { amount: rng.chance(agency.kind === 'township' ? 0.1 : 0.6) ? amount(rng, s * 3000) : '0' },
  };
}

function disclosure2019(agency: Agency, rng: Random): Report['activeDisclosure'] {
  const s = size(agency);
  const documents = (n: number) => {
    const made = rng.int(0, n);
    return { made, published: rng.int(0, made), total: made + rng.int(0, n * 10) };
  };
  const items = (n: number) => ({ previousYear: rng.int(0, n), change: rng.int(-Math.ceil(n / 10), Math.ceil(n / 10)), decisions: rng.int(0, n * 20) });
  return {
    regulations: agency.makesRegulations ? documents(6) : { made: 0, published: 0, total: 0 },
    normativeDocuments: documents(s * 2),
    licensing: items(s * 20),
    otherServices: items(s * 5),
    penalty: items(s * 10),
    coercion: items(s),
    fees: { previousYear: rng.int(0, s * 3), change: rng.int(-1, 1) },
    procurement: { projects: rng.int(0, s * 5), amount: rng.chance(0.7) ? amount(rng, s * 2000) : '0' },
  };
}
