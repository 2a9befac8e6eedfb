/**
 * A report's page: the title (the page's only h1), the metadata block, the
 * link to its data, a table of contents, then the six sections as h2 with
 * their official numeral and title, each with its prose and, for 二/三/四,
 * the table rendered from the model.
 */

import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { sections, type SectionKey } from '../src/catalogue/index.js';
import type { Report } from '../src/model/index.js';
import type { SiteConfig } from '../src/options.js';
import { layout, type Crumb, type LayoutInput } from './layout.js';
import { shared } from './shared.js';
import { activeDisclosureTable } from './tables/active-disclosure.js';
import { applicationsTable } from './tables/applications.js';
import { reviewLitigationTable } from './tables/review-litigation.js';

/** A section's prose, before and after its table. */
export interface SectionProseInput {
  readonly before: readonly ElementContent[];
  readonly after: readonly ElementContent[];
}

/** Everything a report page shows. */
export interface ReportPageInput {
  readonly config: SiteConfig;
  readonly links: LayoutInput['links'] & { readonly reportJson: string };
  readonly breadcrumb: readonly Crumb[];
  readonly report: Report;
  /** 发布日期 as `YYYY-MM-DD` for `<meta name="PubDate">`, when it can be read. */
  readonly pubDate: string | undefined;
  readonly description: string;
  readonly prose: {
    readonly preamble: readonly ElementContent[];
    readonly sections: ReadonlyMap<SectionKey, SectionProseInput>;
    readonly footnotes: readonly ElementContent[];
  };
  /**
   * What stands where a section's table goes. Default `sectionTable`, the
   * tables' hast; `src/render/report-html.ts` puts a marker there and the
   * tables' compiled HTML in its place after serialising.
   */
  readonly table?: ((key: SectionKey, report: Report) => ElementContent | null) | undefined;
}

const FORMAT_NAMES = { '2021': '国办公开办函〔2021〕30号', '2019': '国办公开办函〔2019〕60号' } as const;

/** The id of a section's heading, the target of the table of contents. */
export function sectionId(key: SectionKey): string {
  return `section-${key}`;
}

/** The whole report page. */
export function reportPage(input: ReportPageInput): Root {
  const { report, prose } = input;
  const table = input.table ?? sectionTable;
  const meta: [string, string | undefined][] = [
    ['发布机构', report.agency],
    ['报告年度', `${report.year}年`],
    ['报告格式', FORMAT_NAMES[report.format]],
    ['发布日期', report.publishDate],
    ['索引号', report.indexNumber],
  ];
  return layout({
    config: input.config,
    title: report.title,
    description: input.description,
    article: { title: report.title, pubDate: input.pubDate, source: report.agency },
    links: input.links,
    breadcrumb: input.breadcrumb,
    main: [
      h('article', { className: ['report'] }, [
        h('h1', report.title),
        h(
          'dl',
          { className: ['report-meta'] },
          meta.filter(([, value]) => value !== undefined).map(([term, value]) => h('div', [h('dt', term), h('dd', value)])),
        ),
        h('p', { className: ['report-data'] }, [
          '本报告的数据：',
          h('a', { href: input.links.reportJson, type: 'application/json' }, `${report.year}年年报数据（JSON）`),
        ]),
        tableOfContents(),
        ...prose.preamble,
        ...sections.map((s) => {
          const part = prose.sections.get(s.key);
          return h('section', { className: ['report-section'] }, [
            sectionHeading(s.key),
            ...(part?.before ?? []),
            table(s.key, report),
            ...(part?.after ?? []),
          ]);
        }),
        ...prose.footnotes,
      ]),
    ],
  });
}

// The same on every report page (see shared.ts).
const tableOfContents = shared(() =>
  h('nav', { className: ['toc'], ariaLabel: '本页目录' }, [
    h(
      'ol',
      sections.map((s) => h('li', [h('a', { href: `#${sectionId(s.key)}` }, `${s.numeral}、${s.title}`)])),
    ),
  ]),
);

const sectionHeading = shared((key: SectionKey) => {
  const s = sections.find((section) => section.key === key)!;
  return h('h2', { id: sectionId(key) }, `${s.numeral}、${s.title}`);
});

/** The table of section `key` (二, 三 or 四), or null for a section without one. */
export function sectionTable(key: SectionKey, report: Report): Element | null {
  switch (key) {
    case 'activeDisclosure':
      return activeDisclosureTable(report.format, report.activeDisclosure);
    case 'applications':
      return applicationsTable(report.format, report.applications);
    case 'reviewLitigation':
      return reviewLitigationTable(report.reviewLitigation);
    default:
      return null;
  }
}
