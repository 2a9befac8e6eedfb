/**
 * `review-litigation-total`: in each of the three groups of section 四,
 * 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.
 */

import { reviewGroups } from '../catalogue/index.js';
import { defineCheck } from './types.js';

export const reviewLitigationTotal = defineCheck('review-litigation-total', ({ draft, sourceMap }, emit) => {
  for (const group of reviewGroups) {
    const counts = draft.reviewLitigation[group.key];
    if (!counts) continue;
    const sum = counts.upheld + counts.corrected + counts.other + counts.pending;
    if (sum === counts.total) continue;
    const row = sourceMap.get(`reviewLitigation.${group.key}`);
    const first = sourceMap.get(`reviewLitigation.${group.key}.upheld`);
    const last = sourceMap.get(`reviewLitigation.${group.key}.total`);
    emit(
      {
        group: [...group.parents, group.label].join('·'),
        left: `${counts.upheld} + ${counts.corrected} + ${counts.other} + ${counts.pending} = ${sum}`,
        total: counts.total,
      },
      first && last && first.line === last.line ? { ...first, endLine: last.endLine, endColumn: last.endColumn } : row,
    );
  }
});
