/**
 * The six sections of every report (FORMAT.md §2), with the heading variants
 * real reports use. Sections are recognised by what their heading says, never
 * by its numeral or its Markdown level.
 */

/** A JSON-friendly key for each section. */
export type SectionKey = 'overview' | 'activeDisclosure' | 'applications' | 'reviewLitigation' | 'problems' | 'other';

/** One of the six sections. */
export interface SectionDefinition {
  readonly key: SectionKey;
  readonly numeral: string;
  readonly title: string;
  /** Patterns tested against the normalised heading text without its numbering. */
  readonly patterns: readonly RegExp[];
  /**
   * Every text a pattern matches contains one of these words. Most lines of
   * a report contain none of any section's: they are no heading, and the
   * patterns need not be tried on them.
   */
  readonly words: readonly string[];
  /** Whether the section's body is a table of the model. */
  readonly hasTable: boolean;
}

/** The six sections in order. */
export const sections: readonly SectionDefinition[] = [
  { key: 'overview', numeral: '一', title: '总体情况', patterns: [/^总体情况$/, /^总体情况/, /^概述$/], words: ['总体情况', '概述'], hasTable: false },
  {
    key: 'activeDisclosure',
    numeral: '二',
    title: '主动公开政府信息情况',
    // Real typos: 主动公开政府政府情况.
    patterns: [/^主动公开政府(信息|政府)?情况$/, /^主动公开(政府)?信息?情况$/, /^主动公开.{0,8}情况$/],
    words: ['主动公开'],
    hasTable: true,
  },
  {
    key: 'applications',
    numeral: '三',
    title: '收到和处理政府信息公开申请情况',
    patterns: [/^收到和处理政府信息公开申请情况$/, /^(收到|受理)和?处理.{0,10}申请.{0,4}情况$/, /^依申请公开.{0,8}情况$/],
    words: ['申请'],
    hasTable: true,
  },
  {
    key: 'reviewLitigation',
    numeral: '四',
    title: '政府信息公开行政复议、行政诉讼情况',
    patterns: [/^(政府信息公开)?行政复议[、,和及与]?行政诉讼.{0,4}情况$/, /行政复议.{0,4}行政诉讼情况$/],
    words: ['行政复议'],
    hasTable: true,
  },
  {
    key: 'problems',
    numeral: '五',
    title: '存在的主要问题及改进情况',
    patterns: [/存在的?主要问题及(其)?(改进|整改)(情况|措施)$/, /存在的?(主要)?问题(及|和)(改进|整改)/],
    words: ['问题'],
    hasTable: false,
  },
  { key: 'other', numeral: '六', title: '其他需要报告的事项', patterns: [/^其他需要报告的事项$/, /^其他需要报告/, /^其他(需要)?报告事项$/], words: ['报告'], hasTable: false },
];
