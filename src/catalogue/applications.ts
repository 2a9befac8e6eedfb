/**
 * Section 三 (收到和处理政府信息公开申请情况): its seven columns and the rows of
 * both formats, in official order (FORMAT.md §4).
 */

import { labelCore as coreOf } from './normalise.js';

/** The seven number columns of section 三, in order. */
export const applicantColumns = [
  { key: 'natural', label: '自然人', group: null },
  { key: 'commercial', label: '商业企业', group: '法人或其他组织' },
  { key: 'research', label: '科研机构', group: '法人或其他组织' },
  { key: 'social', label: '社会公益组织', group: '法人或其他组织' },
  { key: 'legal', label: '法律服务机构', group: '法人或其他组织' },
  { key: 'other', label: '其他', group: '法人或其他组织' },
  { key: 'total', label: '总计', group: null },
] as const;

/** A JSON key of a section 三 column. */
export type ApplicantColumnKey = (typeof applicantColumns)[number]['key'];

/** The keys of the seven columns, in order. */
export const applicantColumnKeys: readonly ApplicantColumnKey[] = applicantColumns.map((c) => c.key);

/** What a row is for the arithmetic. */
export type ApplicationRowRole = 'received' | 'carriedOver' | 'result' | 'totalProcessed' | 'carriedForward';

/** One row of section 三. */
export interface ApplicationRow {
  /** JSON key (FORMAT.md §4). */
  readonly key: string;
  /** The label as the official template prints it. */
  readonly label: string;
  /** The labels of the row headers above this one (outermost first), for `headers` and captions. */
  readonly parents: readonly string[];
  /** Label cores (see `labelCore`) this row is recognised by; the first is the official one. */
  readonly cores: readonly string[];
  readonly role: ApplicationRowRole;
}

const RESULTS = '三、本年度办理结果';

function row(
  key: string,
  label: string,
  parents: readonly string[],
  role: ApplicationRowRole,
  ...variants: string[]
): ApplicationRow {
  return { key, label, parents, role, cores: [label, ...variants].map(coreOf) };
}

const WITHHELD = [RESULTS, '（三）不予公开'];
const UNAVAILABLE = [RESULTS, '（四）无法提供'];
const NOT_PROCESSED = [RESULTS, '（五）不予处理'];
const OTHER_DISPOSAL = [RESULTS, '（六）其他处理'];

const head: readonly ApplicationRow[] = [
  row('received', '一、本年新收政府信息公开申请数量', [], 'received', '本年新收申请数量', '本年新收政府信息公开申请'),
  row('carriedOver', '二、上年结转政府信息公开申请数量', [], 'carriedOver', '上年结转申请数量', '上年结转政府信息公开申请'),
  row('granted', '（一）予以公开', [RESULTS], 'result'),
  row('partiallyGranted', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', [RESULTS], 'result', '部分公开'),
  row('withheld.stateSecret', '1.属于国家秘密', WITHHELD, 'result'),
  row('withheld.prohibitedByLaw', '2.其他法律行政法规禁止公开', WITHHELD, 'result'),
  row('withheld.safetyAndStability', '3.危及“三安全一稳定”', WITHHELD, 'result'),
  row('withheld.thirdPartyRights', '4.保护第三方合法权益', WITHHELD, 'result'),
  row('withheld.internalAffairs', '5.属于三类内部事务信息', WITHHELD, 'result'),
  row('withheld.processInformation', '6.属于四类过程性信息', WITHHELD, 'result'),
  row('withheld.enforcementFiles', '7.属于行政执法案卷', WITHHELD, 'result'),
  row('withheld.administrativeQuery', '8.属于行政查询事项', WITHHELD, 'result'),
  row('unavailable.notHeld', '1.本机关不掌握相关政府信息', UNAVAILABLE, 'result'),
  row('unavailable.needsCreation', '2.没有现成信息需要另行制作', UNAVAILABLE, 'result'),
  row('unavailable.stillUnclear', '3.补正后申请内容仍不明确', UNAVAILABLE, 'result'),
  row('notProcessed.complaint', '1.信访举报投诉类申请', NOT_PROCESSED, 'result'),
  row('notProcessed.repeated', '2.重复申请', NOT_PROCESSED, 'result'),
  row('notProcessed.publication', '3.要求提供公开出版物', NOT_PROCESSED, 'result'),
  row('notProcessed.excessive', '4.无正当理由大量反复申请', NOT_PROCESSED, 'result'),
  row('notProcessed.confirmation', '5.要求行政机关确认或重新出具已获取信息', NOT_PROCESSED, 'result'),
];

const tail: readonly ApplicationRow[] = [
  row('totalProcessed', '（七）总计', [RESULTS], 'totalProcessed'),
  row('carriedForward', '四、结转下年度继续办理', [], 'carriedForward', '结转下年度继续办理申请数量'),
];

/** The 25 rows of format 2021. */
export const applicationRows2021: readonly ApplicationRow[] = [
  ...head,
  row(
    'otherDisposal.noCorrection',
    '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    OTHER_DISPOSAL,
    'result',
    '申请人无正当理由逾期不补正',
  ),
  row(
    'otherDisposal.feeUnpaid',
    '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    OTHER_DISPOSAL,
    'result',
    '申请人逾期未按收费通知要求缴纳费用',
  ),
  row('otherDisposal.other', '3.其他', OTHER_DISPOSAL, 'result'),
  ...tail,
];

/** The 23 rows of format 2019: （六）其他处理 is one row. */
export const applicationRows2019: readonly ApplicationRow[] = [
  ...head,
  row('otherDisposal', '（六）其他处理', [RESULTS], 'result'),
  ...tail,
];

/** Group labels of section 三 that carry no numbers of their own in format 2021. */
export const applicationGroupCores: readonly string[] = [
  RESULTS,
  '（三）不予公开',
  '（四）无法提供',
  '（五）不予处理',
  '（六）其他处理',
].map(coreOf);

/** The 勾稽关系 note printed in the corner of the official table. */
export const balanceNote = '本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和';
