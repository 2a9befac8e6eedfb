/**
 * `row-total`: in every row of section 三, 总计 equals 自然人 plus the five
 * kinds of 法人或其他组织.
 *
 * Fails on: `一、本年新收… 3 0 0 0 0 0 4` (3 ≠ 4).
 */

import { applicantColumns, applicationRows2019, applicationRows2021 } from '../catalogue/index.js';
import { defineCheck } from './types.js';

const parts = applicantColumns.filter((c) => c.key !== 'total');

export const rowTotal = defineCheck('row-total', ({ draft, sourceMap }, emit) => {
  const catalogue = draft.format === '2021' ? applicationRows2021 : applicationRows2019;
  for (const row of catalogue) {
    const counts = draft.applications[row.key];
    if (!counts) continue;
    const sum = parts.reduce((s, c) => s + counts[c.key], 0);
    if (sum === counts.total) continue;
    emit(
      { row: row.label, left: `${parts.map((c) => counts[c.key]).join(' + ')} = ${sum}`, total: counts.total },
      sourceMap.get(`applications.${row.key}`),
    );
  }
});
