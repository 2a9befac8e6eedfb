/**
 * Section 四 (政府信息公开行政复议、行政诉讼情况): fifteen numbers in one row,
 * three groups of five (FORMAT.md §5).
 */

/** The three groups, in the order of the official table. */
export const reviewGroups = [
  { key: 'review', label: '行政复议', parents: [] },
  { key: 'litigationDirect', label: '未经复议直接起诉', parents: ['行政诉讼'] },
  { key: 'litigationAfterReview', label: '复议后起诉', parents: ['行政诉讼'] },
] as const;

/** The five columns of each group, in order. */
export const reviewColumns = [
  { key: 'upheld', label: '结果维持' },
  { key: 'corrected', label: '结果纠正' },
  { key: 'other', label: '其他结果' },
  { key: 'pending', label: '尚未审结' },
  { key: 'total', label: '总计' },
] as const;

/** A JSON key of a section 四 group. */
export type ReviewGroupKey = (typeof reviewGroups)[number]['key'];
/** A JSON key of a section 四 column. */
export type ReviewColumnKey = (typeof reviewColumns)[number]['key'];

/** Number of values in section 四. */
export const reviewValueCount = reviewGroups.length * reviewColumns.length;
