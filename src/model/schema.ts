/**
 * The report model and the open-data JSON (FORMAT.md §8). These zod schemas
 * are the only source of the model's types; the JSON Schema published with
 * the data is generated from them.
 */

import { z } from 'zod';
import {
  applicantColumnKeys,
  applicationRows2019,
  applicationRows2021,
  disclosureRows2019,
  disclosureRows2021,
  reviewColumns,
  reviewGroups,
  type DisclosureRow,
  type ValueKind,
} from '../catalogue/index.js';

/** Bumped on any breaking change to the open-data JSON. */
export const schemaVersion = 1;

const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).describe('件数 (a count)');
const signedCount = z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER).describe('本年增/减 (may be negative)');
const amount = z
  .string()
  .regex(/^(0|[1-9]\d*)(\.\d*[1-9])?$/)
  .describe('万元, as an exact decimal string without trailing zeros');

const valueSchemas: Record<ValueKind, z.ZodType<number> | z.ZodType<string>> = { count, signedCount, amount };

function objectOf<K extends string, S extends z.ZodType>(keys: readonly K[], schema: (key: K) => S) {
  return z.strictObject(Object.fromEntries(keys.map((k) => [k, schema(k)])) as Record<K, S>);
}

/** The seven columns of one section 三 row. */
export const applicantCountsSchema = objectOf(applicantColumnKeys, () => count);

function disclosureSchema(rows: readonly DisclosureRow[]) {
  return z.strictObject(
    Object.fromEntries(rows.map((r) => [r.key, z.strictObject(Object.fromEntries(r.columns.map((c) => [c.key, valueSchemas[c.kind]])))])),
  ) as z.ZodType<Record<string, Record<string, number | string>>>;
}

const reviewCountsSchema = objectOf(
  reviewColumns.map((c) => c.key),
  () => count,
);

/** Section 四: three groups of five. */
export const reviewLitigationSchema = objectOf(
  reviewGroups.map((g) => g.key),
  () => reviewCountsSchema,
);

function reportShape<F extends '2019' | '2021', A extends z.ZodType>(format: F, applications: A) {
  // Key order is the order of FORMAT.md §8, kept in every JSON file we write.
  return z.strictObject({
    schemaVersion: z.literal(schemaVersion),
    agency: z.string().min(1).describe('发布机关'),
    year: z.number().int().min(2008).max(2100).describe('报告年度 (the statistics year)'),
    format: z.literal(format).describe('国办公开办函〔2019〕60号 (2019) or 〔2021〕30号 (2021)'),
    title: z.string().min(1),
    publishDate: z.string().optional().describe('发布日期, when the report gives it'),
    indexNumber: z.string().optional().describe('索引号, when the report gives it'),
    activeDisclosure: z.union([disclosureSchema(disclosureRows2021), disclosureSchema(disclosureRows2019)]),
    applications,
    reviewLitigation: reviewLitigationSchema,
  });
}

/** A validated report: the open-data JSON of one report. */
export const reportSchema = z.discriminatedUnion('format', [
  reportShape('2021', objectOf(applicationRows2021.map((r) => r.key), () => applicantCountsSchema)),
  reportShape('2019', objectOf(applicationRows2019.map((r) => r.key), () => applicantCountsSchema)),
]);

/** The open-data JSON of one report. */
export type Report = z.infer<typeof reportSchema>;
/** The seven numbers of a section 三 row. */
export type ApplicantCounts = z.infer<typeof applicantCountsSchema>;
/** Section 四. */
export type ReviewLitigation = z.infer<typeof reviewLitigationSchema>;
/** Which official layout a report follows. */
export type ReportFormat = Report['format'];

/**
 * A report as far as it could be read: the same shape as `Report`, but rows
 * may be missing. The checks run on drafts, so an editor sees every
 * arithmetic error even while a row is still missing.
 */
export interface Draft {
  agency: string;
  year: number;
  format: ReportFormat;
  title: string;
  publishDate?: string;
  indexNumber?: string;
  activeDisclosure: Record<string, Record<string, number | string>>;
  applications: Partial<Record<string, ApplicantCounts>>;
  reviewLitigation: Partial<ReviewLitigation>;
}

/** JSON Schema of the open-data JSON, published as data/report.schema.json. */
export function reportJsonSchema(): unknown {
  return { title: '政府信息公开工作年度报告 (open data)', ...(z.toJSONSchema(reportSchema) as object) };
}
