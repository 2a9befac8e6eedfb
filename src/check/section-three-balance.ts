/**
 * `section-three-balance`: the relation printed in the corner of section 三,
 * per column: received + carried over = total processed + carried forward.
 *
 * Fails on: 自然人 第一项 3 + 第二项 0 = 3，第三项 0 + 第四项 0 = 0.
 */

import { applicantColumns } from '../catalogue/index.js';
import { sumText } from './format.js';
import { defineCheck } from './types.js';

export const sectionThreeBalance = defineCheck('section-three-balance', ({ draft, sourceMap }, emit) => {
  const { received, carriedOver, totalProcessed, carriedForward } = draft.applications;
  if (!received || !carriedOver || !totalProcessed || !carriedForward) return;
  const from = sourceMap.get('applications.received');
  const to = sourceMap.get('applications.carriedForward');
  for (const column of applicantColumns) {
    const c = column.key;
    if (received[c] + carriedOver[c] === totalProcessed[c] + carriedForward[c]) continue;
    const cell = sourceMap.get(`applications.carriedForward.${c}`);
    emit(
      {
        column: column.label,
        left: sumText([['第一项', received[c]], ['第二项', carriedOver[c]]]),
        right: sumText([['第三项', totalProcessed[c]], ['第四项', carriedForward[c]]]),
      },
      from && to && { line: from.line, column: sourceMap.get(`applications.received.${c}`)?.column ?? 1, endLine: to.endLine, endColumn: cell?.endColumn ?? to.endColumn },
    );
  }
});
