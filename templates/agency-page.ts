/** An agency's page: its reports, newest first, and its headline figures year by year. */

import type { Root } from 'hast';
import { h } from 'hastscript';
import type { SiteConfig } from '../src/options.js';
import { layout, type Crumb, type LayoutInput } from './layout.js';
import { openData, yearList, type YearLink } from './listing.js';
import { headlineTable, type HeadlineRow } from './tables/headline.js';

/** Everything an agency's page shows. */
export interface AgencyPageInput {
  readonly config: SiteConfig;
  readonly links: LayoutInput['links'];
  readonly breadcrumb: readonly Crumb[];
  readonly agency: string;
  /** Newest first. */
  readonly years: readonly YearLink[];
  /** Newest first. */
  readonly headline: readonly HeadlineRow[];
}

/** An agency's page. */
export function agencyPage(input: AgencyPageInput): Root {
  const title = `${input.agency}政府信息公开工作年度报告`;
  return layout({
    config: input.config,
    title,
    description: `${title}（${input.years.map((y) => y.year).join('、')}年）`,
    links: input.links,
    breadcrumb: input.breadcrumb,
    main: [
      h('h1', title),
      h('h2', '历年报告'),
      yearList(input.agency, input.years),
      h('h2', '历年主要数据'),
      headlineTable(input.agency, input.headline),
      ...openData(input.links),
    ],
  });
}
