/**
 * `results-total`: in every column, （七）总计 equals the sum of all leaf
 * result rows (granted, partially granted, the 8 withheld, 3 unavailable,
 * 5 not processed and the 3 other-disposal rows, or the single 2019 one).
 */

import { applicantColumns, applicationRows2019, applicationRows2021 } from '../catalogue/index.js';
import { defineCheck } from './types.js';

export const resultsTotal = defineCheck('results-total', ({ draft, sourceMap }, emit) => {
  const total = draft.applications.totalProcessed;
  if (!total) return;
  const catalogue = draft.format === '2021' ? applicationRows2021 : applicationRows2019;
  const results = catalogue.filter((r) => r.role === 'result');
  const rows = results.map((r) => draft.applications[r.key]);
  if (rows.some((r) => r === undefined)) return;
  for (const column of applicantColumns) {
    const c = column.key;
    const sum = rows.reduce((s, r) => s + r![c], 0);
    if (sum === total[c]) continue;
    emit(
      { column: column.label, left: `各项办理结果之和为 ${sum}`, right: String(total[c]) },
      sourceMap.get(`applications.totalProcessed.${c}`) ?? sourceMap.get('applications.totalProcessed'),
    );
  }
});
