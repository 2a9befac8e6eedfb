/**
 * The prose of a synthetic report: a preamble, 一、总体情况 with its five
 * sub-headings, 五 and 六, drawn from the phrasing real reports use, with the
 * odd **bold**, list and link. The figures it quotes agree with the tables,
 * so the prose-figures check passes.
 */

import type { Prose } from '../../test/support/write-report.js';
import type { Report } from '../../src/model/index.js';
import type { Agency } from './agencies.js';
import type { Random } from './random.js';

const ACTIVE = [
  '{year}年，{short}坚持以公开为常态、不公开为例外，围绕中心工作和群众关切，通过政府网站、政务新媒体等渠道主动公开政府信息{n}条。',
  '全年在门户网站发布政策文件{n}件，发布政策解读{m}篇，其中图文解读、视频解读等形式化解读占比超过{p}%。',
  '聚焦**重点领域信息公开**，及时公开财政预决算、重大建设项目、公共资源配置、社会公益事业建设等信息，回应社会关切。',
  '严格落实政策文件与解读方案、解读材料同步组织、同步审签、同步部署，做到应解读尽解读。',
  '围绕优化营商环境，集中公开涉企政策{m}项，编制政策汇编并在政务服务大厅免费发放。',
  '加强政务新媒体管理，全年通过微信公众号发布信息{n}条，累计阅读量{k}万余次。',
  '规范行政规范性文件公开，按要求在政府网站设立规范性文件专栏，对现行有效文件实行动态更新。',
  '组织开展“政府开放日”活动{p}场，邀请人大代表、政协委员和群众代表走进机关，面对面听取意见建议。',
];
const REQUESTS = [
  '进一步规范依申请公开办理流程，严格执行受理、登记、审核、答复、归档各环节要求，做到依法、规范、及时答复。',
  '对疑难复杂申请，组织法律顾问会商研判，确保答复内容合法、规范、准确。',
  '建立依申请公开答复文书模板，统一答复格式和法律依据表述，减少因程序瑕疵引发的复议诉讼风险。',
  '加强与申请人的沟通，对申请内容不明确的，及时一次性告知补正，帮助申请人准确描述所需信息。',
];
const MANAGEMENT = [
  '严格落实政府信息公开保密审查制度，坚持“先审查、后公开”和“一事一审”原则，全年未发生泄密事件。',
  '对照《中华人民共和国政府信息公开条例》，开展政府信息公开内容专项清理，对已失效文件及时标注。',
  '动态调整政府信息公开目录和主动公开基本目录，确保目录内容与工作实际相符。',
  '推进政务公开标准化规范化建设，完善基层政务公开事项标准目录{m}项。',
  '建立健全政策性文件集中统一公开机制，对历史文件进行系统梳理，分类公开。',
];
const PLATFORMS = [
  '持续优化政府门户网站栏目设置，按照集约化要求做好网站内容保障，全年网站未出现严重错误。',
  '发挥政府信息公开查阅点作用，在政务服务中心设置查阅点，提供免费查阅服务。',
  '推动政务公开向基层延伸，在村（社区）公开栏及时更新党务、政务、财务信息。',
  '依托“12345”政务服务便民热线，全年受理群众咨询{n}件，办结率100%。',
];
const OVERSIGHT = [
  '成立由主要负责同志任组长的政务公开工作领导小组，明确分管领导和工作人员，将政务公开纳入年度绩效考核。',
  '组织开展政务公开业务培训{p}次，参训人员{m}人次，工作人员业务能力明显提升。',
  '主动接受社会监督，在门户网站公布监督电话和电子邮箱，全年未收到涉及政府信息公开的投诉。',
  '定期开展网站和政务新媒体检查，对发现的问题建立台账，限期整改到位。',
];
const PROBLEMS = [
  '政策解读的形式还不够丰富，图解、视频等群众喜闻乐见的解读方式运用不多。',
  '部分工作人员对《条例》的理解和把握还不够到位，依申请公开答复的规范性有待提高。',
  '基层政务公开标准化规范化建设还需持续深化，部分领域公开内容更新不够及时。',
];
const MEASURES = [
  '加强业务培训，组织工作人员系统学习《条例》及配套制度，提升依法公开能力',
  '丰富解读形式，综合运用图文、音视频、新闻发布会等方式开展政策解读',
  '强化监督考核，将政务公开工作纳入绩效考核，定期通报工作情况',
  '深化基层政务公开，推动公开事项标准目录落地见效',
  '完善依申请公开工作机制，规范答复文书，提升办理质量',
];
const OTHER = [
  '根据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），{fee}',
  '本年度本机关办理人大代表建议{m}件、政协提案{p}件，办理复文已按规定公开。',
  '{year}年度本机关政务公开工作年度工作要点落实情况已在门户网站专栏公开。',
];

/** The prose of one report, about `targetBytes` of UTF-8 in all. */
export function prose(agency: Agency, report: Report, rng: Random, targetBytes: number): Prose {
  const short = agency.kind === 'department' || agency.kind === 'township' ? '本机关' : agency.name.replace(/人民政府$/, '');
  const fill = (template: string) =>
    template
      .replace(/\{year\}/g, String(report.year))
      .replace(/\{short\}/g, short)
      .replace(/\{n\}/g, () => String(rng.int(20, 3000)))
      .replace(/\{m\}/g, () => String(rng.int(2, 120)))
      .replace(/\{k\}/g, () => String(rng.int(1, 90)))
      .replace(/\{p\}/g, () => String(rng.int(2, 60)));
  const paragraph = (bank: readonly string[], sentences: number) => rng.shuffle(bank).slice(0, sentences).map(fill).join('');
  const app = report.applications as Record<string, { total: number } | undefined>;
  const received = app['received']?.total ?? 0;
  const carriedOver = app['carriedOver']?.total ?? 0;
  const granted = (app['granted']?.total ?? 0) + (app['partiallyGranted']?.total ?? 0);
  const review = report.reviewLitigation.review.total;
  const litigation = report.reviewLitigation.litigationDirect.total + report.reviewLitigation.litigationAfterReview.total;
  const subheading = (text: string) => (rng.chance(0.5) ? `**${text}**` : text);

  // Half the reports give an e-mail address too, as many real ones do: an autolink, which the prose's fast path leaves to micromark.
  const email = rng.chance(0.5) ? `，电子邮箱：zwgk@${agency.slug}.example.gov.cn` : '';
  const preamble = [
    `本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和国务院办公厅政府信息与政务公开办公室有关要求编制。全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。本报告中所列数据的统计期限自${report.year}年1月1日起至${report.year}年12月31日止。本报告电子版可在[${agency.name}门户网站](https://www.${agency.slug}.example.gov.cn/)查阅和下载。如对本报告有任何疑问，请与${short === '本机关' ? agency.name : short}政务公开办公室联系（电话：0571-${rng.int(80000000, 89999999)}${email}）。`,
  ];
  if (report.publishDate || report.indexNumber) {
    preamble.unshift([report.indexNumber && `索引号：${report.indexNumber}`, report.publishDate && `发布日期：${report.publishDate}`].filter(Boolean).join('\n'));
  }
  const figures = [
    `全年共收到政府信息公开申请${received}件，上年结转政府信息公开申请${carriedOver}件，予以公开和部分公开${granted}件。`,
    review + litigation > 0 ? `全年发生政府信息公开行政复议${review}件、行政诉讼${litigation}件。` : '全年未发生因政府信息公开引起的行政复议和行政诉讼。',
  ].join('');
  const sections = [
    [subheading('（一）主动公开情况'), ACTIVE],
    [subheading('（二）依申请公开情况'), REQUESTS],
    [subheading('（三）政府信息管理情况'), MANAGEMENT],
    [subheading('（四）政府信息公开平台建设情况'), PLATFORMS],
    [subheading('（五）监督保障情况'), OVERSIGHT],
  ] as const;
  const ordered = rng.chance(0.5);
  const problems = [
    `${rng
      .shuffle(PROBLEMS)
      .slice(0, rng.int(2, 3))
      .map((p, i, all) => `${'一二三'[i]}是${p.slice(0, -1)}${i === all.length - 1 ? '。' : '；'}`)
      .join('')}针对上述问题，下一步将重点做好以下工作：`,
    rng
      .shuffle(MEASURES)
      .slice(0, rng.int(2, 4))
      .map((m, i) => (ordered ? `${i + 1}. ${m}。` : `- ${m}。`))
      .join('\n'),
  ];
  const fee =
    report.year >= 2021
      ? rng.chance(0.9)
        ? '本年度未收取信息处理费。'
        : `本年度共收取信息处理费${rng.int(1, 50) * 100}元。`
      : '本年度未收取任何费用。';
  const other = [fill(OTHER[0]!.replace('{fee}', fee)), ...(rng.chance(0.6) ? [fill(OTHER[1]!)] : []), fill(OTHER[2]!)];

  // 一、总体情况: each sub-heading with a paragraph, then more paragraphs until the report reaches its size.
  const groups = sections.map(([heading, bank]) => {
    const text = paragraph(bank, rng.int(1, 2));
    return [heading, heading.includes('依申请') ? figures + text : text];
  });
  let bytes = [...preamble, ...groups.flat(), ...problems, ...other].reduce((s, p) => s + Buffer.byteLength(p) + 2, 0);
  for (let k = rng.int(0, groups.length - 1), added = 0; bytes < targetBytes && added < 20; k = (k + 1) % groups.length, added++) {
    const text = paragraph(sections[k]![1], rng.int(1, 3));
    groups[k]!.push(text);
    bytes += Buffer.byteLength(text) + 2;
  }
  return { preamble, overview: groups.flat(), problems, other };
}
