/**
 * `regulations-scope`: only State Council departments and provincial or
 * 设区的市 governments make 规章 (立法法 art. 91, 93). A township, a county
 * government or a local department reporting 规章 is almost certainly a row
 * mix-up (seen in a real 2023 township report).
 */

import { defineCheck } from './types.js';

const TOWNSHIP = /(镇|乡|街道|苏木)(人民政府|政府|办事处)?$|街道办事处|镇人民政府|乡人民政府/;
const COUNTY = /(县|旗|区)人民政府$/;
// A department of a local government: starts with a place name, ends with a department word.
// The place word is the first one after the first character: a lazy `^.+?` tried every one of
// them, each followed by a greedy `.+`, which is quadratic on a long name.
const LOCAL_DEPARTMENT = /^.[^省市州盟县区旗]*(?:省|自治区|市|州|盟|县|区|旗).+(?:局|委员会|委|办公室|办|厅|中心|院)$/;

/** Whether an agency, by its name, cannot make 规章. */
export function cannotMakeRegulations(agency: string): boolean {
  const name = agency.normalize('NFKC').replace(/\s+/g, '');
  return TOWNSHIP.test(name) || COUNTY.test(name) || (!/人民政府$/.test(name) && LOCAL_DEPARTMENT.test(name));
}

export const regulationsScope = defineCheck('regulations-scope', ({ draft, sourceMap }, emit) => {
  const row = draft.activeDisclosure['regulations'];
  if (!row || !cannotMakeRegulations(draft.agency)) return;
  const count = Math.max(...Object.values(row).map((v) => (typeof v === 'number' ? v : 0)));
  if (count > 0) emit({ agency: draft.agency, count }, sourceMap.get('activeDisclosure.regulations'));
});
