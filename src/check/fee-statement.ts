/**
 * `fee-statement`: from the 2021 reports on, section 六 reports the 信息处理费
 * collected under 国办函〔2020〕109号 (none collected must be said too).
 */

import { defineCheck } from './types.js';

const FEE = /信息处理费|处理费|收费|收取.{0,6}费/;

export const feeStatement = defineCheck('fee-statement', ({ draft, parsed }, emit) => {
  if (draft.year < 2021) return;
  const section = parsed.sections.find((s) => s.key === 'other');
  if (!section || FEE.test(section.proseText)) return;
  emit({ year: draft.year }, section.headingPlace);
});
