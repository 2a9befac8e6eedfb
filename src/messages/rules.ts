/**
 * Every finding nianbao can report: its stable id, severity, what it means,
 * how an editor fixes it, and its wording. The wording lives here and only
 * here; the stages report a rule id and its data.
 */

/** error: the report is wrong and the build fails. warning: worth a look; fails only with --strict. */
export type Severity = 'error' | 'warning';

interface Rule<A> {
  readonly severity: Severity;
  /** One line for the README's list of rules. */
  readonly description: string;
  /** How to fix it, for the README. */
  readonly fix: string;
  readonly message: (args: A) => string;
}

const rule = <A>(r: Rule<A>): Rule<A> => r;

/** A column's name and the numbers of a relation, for messages. */
interface Sum {
  readonly column: string;
  readonly left: string;
  readonly right: string;
}

/** The rule catalogue, in the order the README lists it. */
export const rules = {
  // Arithmetic (FORMAT.md §4–5): stable ids.
  'section-three-balance': rule<Sum>({
    severity: 'error',
    description: '第三部分每一列：第一项 + 第二项 = 第三项（七）总计 + 第四项。Section 三, per column: received + carried over = processed + carried forward.',
    fix: '核对该列的“本年新收”“上年结转”“总计”“结转下年度”四个数，改正抄错的一个。',
    message: (a) => `第三部分勾稽关系不成立（${a.column}）：${a.left}，${a.right}。Section 三 balance fails for ${a.column}.`,
  }),
  'results-total': rule<Sum>({
    severity: 'error',
    description: '第三部分“（七）总计”等于各项办理结果之和。Section 三: total processed equals the sum of every result row.',
    fix: '把（一）到（六）各小项重新相加，改正总计或抄错的小项。',
    message: (a) => `办理结果总计不等于各项之和（${a.column}）：${a.left}，而（七）总计为 ${a.right}。Results do not add up to the total for ${a.column}.`,
  }),
  'row-total': rule<{ row: string; left: string; total: number }>({
    severity: 'error',
    description: '第三部分每一行：总计 = 自然人 + 五类法人或其他组织。Section 三, per row: total = the six applicant columns.',
    fix: '把该行六个申请人数字重新相加，改正总计或抄错的一格。',
    message: (a) => `“${a.row}”一行的总计不等于各列之和：${a.left}，而总计为 ${a.total}。Row total does not match its columns.`,
  }),
  'review-litigation-total': rule<{ group: string; left: string; total: number }>({
    severity: 'error',
    description: '第四部分每组：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结。Section 四: each group’s total is the sum of its four results.',
    fix: '把该组四个结果重新相加，改正总计或抄错的一格。',
    message: (a) => `第四部分“${a.group}”的总计不等于各项之和：${a.left}，而总计为 ${a.total}。Review/litigation total does not add up.`,
  }),
  'carry-over': rule<{ column: string; year: number; carriedOver: number; previousYear: number; carriedForward: number; previousPath: string }>({
    severity: 'error',
    description: '本年“上年结转”等于上一年报告的“结转下年度继续办理”（同一机关，两年报告都在站点内）。This year’s carried-over equals last year’s carried-forward.',
    fix: '核对两年报告的这一列。如因机构合并、拆分等原因确实不一致，在本年报告开头加前言块写明原因（见“已知的结转中断”）。',
    message: (a) =>
      `上年结转与 ${a.previousYear} 年报告不衔接（${a.column}）：本年“上年结转”为 ${a.carriedOver}，${a.previousYear} 年“结转下年度继续办理”为 ${a.carriedForward}（${a.previousPath}）。Carried-over does not match last year’s carried-forward.`,
  }),

  // Reading the file.
  'file-unreadable': rule<{ reason: string }>({
    severity: 'error',
    description: '文件无法读取或不是文本（二进制文件、无法识别的编码）。The file cannot be read as text.',
    fix: '用文本编辑器另存为“UTF-8”编码的 .md 文件。',
    message: (a) => `无法读取文件：${a.reason}。Cannot read the file.`,
  }),
  'file-encoding': rule<{ encoding: string }>({
    severity: 'warning',
    description: '文件不是 UTF-8 编码（已按 GB18030/GBK 等读出）。The file is not UTF-8 (it was decoded as GB18030/GBK or UTF-16).',
    fix: '在编辑器中“另存为”，编码选“UTF-8”。',
    message: (a) => `文件编码为 ${a.encoding}，已正确读出，请另存为 UTF-8。The file is ${a.encoding}; please save it as UTF-8.`,
  }),
  'empty-file': rule<Record<string, never>>({
    severity: 'error',
    description: '文件是空的。The file is empty.',
    fix: '把年报全文粘贴进文件。',
    message: () => '文件是空的，没有任何年报内容。The file is empty.',
  }),
  'missing-title': rule<Record<string, never>>({
    severity: 'error',
    description: '找不到标题行（如“# 某某镇人民政府2021年政府信息公开工作年度报告”），无法知道发布机关和年度。No title line with the agency and year.',
    fix: '在文件第一行写标题：“# 机关名称XXXX年政府信息公开工作年度报告”。',
    message: () => '找不到年报标题（应为“# 机关名称XXXX年政府信息公开工作年度报告”）。No report title with agency and year.',
  }),
  'missing-agency': rule<Record<string, never>>({
    severity: 'error',
    description: '标题里没有发布机关名称，前言块里也没有“发布机构”。The title names no agency.',
    fix: '把机关名称写进标题，或在前言块中写“发布机构: 机关名称”。',
    message: () => '标题中没有发布机关名称。The title names no agency.',
  }),
  'year-mismatch': rule<{ pathYear: number; titleYear: number }>({
    severity: 'error',
    description: '文件名（或所在位置）的年度与标题中的年度不一致。The year in the file name differs from the title’s.',
    fix: '改正文件名（如 reports/2021.md）或标题中的年份。',
    message: (a) => `文件名表明是 ${a.pathYear} 年，标题却是 ${a.titleYear} 年。File name says ${a.pathYear}, title says ${a.titleYear}.`,
  }),
  'front-matter': rule<{ key: string }>({
    severity: 'warning',
    description: '前言块（文件开头 --- 之间）中有无法识别的项。Unknown key in the front matter.',
    fix: '只使用 README 中列出的项：发布机构、发布日期、索引号、结转说明。',
    message: (a) => `前言块中的“${a.key}”无法识别，已忽略。Unknown front matter key “${a.key}”.`,
  }),
  'missing-section': rule<{ section: string }>({
    severity: 'error',
    description: '缺少六个部分之一（按标题文字识别）。One of the six sections is missing.',
    fix: '补上该部分，标题写成模板的样子，如“## 三、收到和处理政府信息公开申请情况”。',
    message: (a) => `缺少“${a.section}”部分（找不到该部分标题）。Section “${a.section}” is missing.`,
  }),
  'missing-table': rule<{ section: string }>({
    severity: 'error',
    description: '第二、三、四部分中没有表格。A table section has no table.',
    fix: '从 Word/WPS 复制整张表粘贴到该部分标题下（制表符分隔），或写成 Markdown 表格。',
    message: (a) => `“${a.section}”部分没有表格。Section “${a.section}” has no table.`,
  }),
  'missing-row': rule<{ section: string; row: string }>({
    severity: 'error',
    description: '表格缺少模板规定的一行。A row of the official table is missing.',
    fix: '按模板补上这一行（没有数据时填 0）。',
    message: (a) => `“${a.section}”表格缺少“${a.row}”一行。Row “${a.row}” is missing.`,
  }),
  'unknown-row': rule<{ label: string }>({
    severity: 'warning',
    description: '表格中有模板之外的行（如“行政检查”），其数字不计入数据。A row not in the official table; its numbers are not used.',
    fix: '如是笔误，改成模板中的行名；如是自行增加的行，可以保留。',
    message: (a) => `无法识别的表格行“${a.label}”，其数字未被采用。Unknown row “${a.label}”.`,
  }),
  'duplicate-row': rule<{ row: string; firstLine: number }>({
    severity: 'error',
    description: '同一行在表格中出现了两次。The same row appears twice.',
    fix: '删去重复的一行。',
    message: (a) => `“${a.row}”一行重复出现（第一次在第 ${a.firstLine} 行）。Row “${a.row}” appears twice.`,
  }),
  'missing-cells': rule<{ row: string; expected: number; found: number }>({
    severity: 'error',
    description: '一行中的数字格比模板少。A row has fewer number cells than the table has columns.',
    fix: '补齐这一行的数字（没有数据填 0），注意粘贴时不要丢格。',
    message: (a) => `“${a.row}”一行应有 ${a.expected} 个数字，只找到 ${a.found} 个。Expected ${a.expected} numbers, found ${a.found}.`,
  }),
  'extra-cells': rule<{ row: string; expected: number; found: number }>({
    severity: 'error',
    description: '一行中的数字格比模板多，无法确定哪些是数据。A row has more number cells than columns.',
    fix: '删去多余的格子。',
    message: (a) => `“${a.row}”一行应有 ${a.expected} 个数字，却有 ${a.found} 个。Expected ${a.expected} numbers, found ${a.found}.`,
  }),
  'table-too-large': rule<{ limit: number }>({
    severity: 'error',
    description: '表格单元格过多（整个文件超过 50 万个），其余部分未读取。The tables have too many cells; the rest was not read.',
    fix: '表格中多半粘贴进了大量多余的制表符或竖线（|），删去它们。',
    message: (a) => `表格单元格过多（超过 ${a.limit} 个），从这一行起不再读取。Too many table cells (over ${a.limit}); not read from this line on.`,
  }),
  'not-a-number': rule<{ row: string; column: string; found: string }>({
    severity: 'error',
    description: '数字格中不是数字。A number cell holds something else.',
    fix: '改为阿拉伯数字（没有数据填 0）。',
    message: (a) => `“${a.row}”的“${a.column}”不是数字：“${a.found}”。Not a number: “${a.found}”.`,
  }),
  'not-an-integer': rule<{ row: string; column: string; found: string }>({
    severity: 'error',
    description: '件数、数量中出现小数。A count has decimals.',
    fix: '件数应为整数，改正这一格。',
    message: (a) => `“${a.row}”的“${a.column}”应为整数：“${a.found}”。A count must be a whole number.`,
  }),
  'negative-number': rule<{ row: string; column: string; found: string }>({
    severity: 'error',
    description: '数量为负数（只有 2019 年格式的“本年增/减”可以为负）。A negative count.',
    fix: '改正这一格。',
    message: (a) => `“${a.row}”的“${a.column}”不能为负数：“${a.found}”。A count cannot be negative.`,
  }),
  'number-too-large': rule<{ row: string; column: string; found: string }>({
    severity: 'error',
    description: '数字过大，显然有误。An implausibly large number.',
    fix: '改正这一格。',
    message: (a) => `“${a.row}”的“${a.column}”数字过大：“${a.found}”。Number too large.`,
  }),
  'empty-cell': rule<{ row: string; columns: string; found: string }>({
    severity: 'warning',
    description: '数字格为空或为“-”“/”，已按 0 读出。A blank, “-” or “/” cell was read as 0.',
    fix: '填上 0（或实际数字）。',
    message: (a) => `“${a.row}”的 ${a.columns} 为空或为“${a.found}”，已按 0 处理。Blank cells read as 0.`,
  }),
  'cell-note': rule<{ row: string; column: string; found: string; read: string }>({
    severity: 'warning',
    description: '数字格中带有说明文字，只取了开头的数字。A number cell also holds a note; only its number is used.',
    fix: '把说明移到正文或表格下方，格子里只留数字。',
    message: (a) => `“${a.row}”的“${a.column}”含有说明“${a.found}”，按 ${a.read} 读出。Note in a number cell.`,
  }),
  'cell-unit': rule<{ row: string; column: string; found: string; read: string }>({
    severity: 'warning',
    description: '数字格中带有单位（如“251000元”），已换算为表头的单位。A number cell has a unit; it was converted to the column’s unit.',
    fix: '格子里只写数字，单位以表头为准。',
    message: (a) => `“${a.row}”的“${a.column}”带有单位：“${a.found}”，按 ${a.read} 读出。Unit inside a cell.`,
  }),
  'format-mismatch': rule<{ detail: string }>({
    severity: 'warning',
    description: '表格格式与年度不符（2021 年起应使用国办公开办函〔2021〕30号格式），或第二、三部分格式不一致。The table layout does not fit the year, or sections mix layouts.',
    fix: '按该年度应使用的模板重新填报表格。',
    message: (a) => `${a.detail}`,
  }),
  'model-invalid': rule<{ field: string; problem: string }>({
    severity: 'error',
    description: '读出的数据不符合开放数据格式（如年度不在 2008 年以后）。What was read does not fit the open-data schema.',
    fix: '按提示改正该项（如标题中的年度）。',
    message: (a) => `无法生成开放数据：“${a.field}”${a.problem}。The report does not fit the open-data schema at ${a.field}.`,
  }),
  'page-conflict': rule<{ page: string; other: string }>({
    severity: 'error',
    description: '两份报告会生成网站上的同一个页面（同一年度、都没有放在机关文件夹中）。Two reports would make the same page.',
    fix: '多个机关的报告请分别放进 reports/<机关名称>/<年度>.md。',
    message: (a) => `这份报告与 ${a.other} 会生成同一个页面 ${a.page}；请把不同机关的报告放进各自的文件夹 reports/<机关名称>/。Two reports would make the same page.`,
  }),
  'duplicate-report': rule<{ agency: string; year: number; other: string }>({
    severity: 'error',
    description: '同一机关同一年度有两份报告。Two reports for the same agency and year.',
    fix: '删去或改正其中一份。',
    message: (a) => `${a.agency} ${a.year} 年有两份报告（另一份是 ${a.other}）。Two reports for the same agency and year.`,
  }),

  // Plausibility (FORMAT.md §6).
  'prose-figures': rule<{ phrase: string; prose: number; table: number; what: string }>({
    severity: 'warning',
    description: '“总体情况”正文中的数字与表格不一致。A figure quoted in the prose disagrees with the table.',
    fix: '核对正文和表格，改正错误的一处。',
    message: (a) => `正文“${a.phrase}”为 ${a.prose}，表格中${a.what}为 ${a.table}。Prose says ${a.prose}, the table ${a.table}.`,
  }),
  'regulations-scope': rule<{ agency: string; count: number }>({
    severity: 'warning',
    description: '只有国务院部门、省级和设区的市政府能制定规章；乡镇、县级政府或部门填报规章数通常是填错了行。Only ministries, provinces and cities with districts make 规章.',
    fix: '核对第二部分：本机关的文件多半应填在“行政规范性文件”一行。',
    message: (a) => `${a.agency}填报了规章 ${a.count} 件，但该机关通常无权制定规章，请核对。Only higher-level governments make 规章.`,
  }),
  'fee-statement': rule<{ year: number }>({
    severity: 'warning',
    description: '2021 年起第六部分应报告信息处理费的收取情况。From 2021, section 六 should report 信息处理费.',
    fix: '在“其他需要报告的事项”中写明本年度收取信息处理费的情况（未收取也要写明）。',
    message: (a) => `${a.year} 年报告的“其他需要报告的事项”未提及信息处理费。Section 六 does not mention 信息处理费.`,
  }),
  'raw-html': rule<{ found: string }>({
    severity: 'warning',
    description: '正文中的 HTML 代码不会出现在网页上（出于安全原因）。Raw HTML in the Markdown is dropped.',
    fix: '删去 HTML 代码，用 Markdown 写格式。',
    message: (a) => `正文中的 HTML 代码“${a.found}”已被删除。Raw HTML dropped.`,
  }),
} as const;

/** A rule id. */
export type RuleId = keyof typeof rules;
/** The data a rule's message needs. */
export type RuleArgs<R extends RuleId> = Parameters<(typeof rules)[R]['message']>[0];
