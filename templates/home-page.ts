/**
 * The home page: every agency and its years, newest first. A site with one
 * agency also shows that agency's headline figures year by year.
 */

import type { Root } from 'hast';
import { h } from 'hastscript';
import type { SiteConfig } from '../src/options.js';
import { layout, type Crumb, type LayoutInput } from './layout.js';
import { openData, yearList, type YearLink } from './listing.js';
import { headlineTable, type HeadlineRow } from './tables/headline.js';

/** An agency on the home page. */
export interface AgencyListing {
  readonly name: string;
  /** Its own page, when it has one (agencies in their own folder). */
  readonly href: string | undefined;
  /** Newest first. */
  readonly years: readonly YearLink[];
  /** Newest first. */
  readonly headline: readonly HeadlineRow[];
}

/** Everything the home page shows. */
export interface HomePageInput {
  readonly config: SiteConfig;
  readonly links: LayoutInput['links'];
  readonly breadcrumb: readonly Crumb[];
  /** In the order to list them. */
  readonly agencies: readonly AgencyListing[];
}

/** The home page. */
export function homePage(input: HomePageInput): Root {
  const { config, agencies } = input;
  const only = agencies.length === 1 ? agencies[0] : undefined;
  const intro = h('p', { className: ['lead'] }, '本栏目公开依照《中华人民共和国政府信息公开条例》发布的政府信息公开工作年度报告，每份报告的表格数据可下载为开放数据。');
  const body = only
    ? [
        h('p', ['发布机构：', only.href ? h('a', { href: only.href }, only.name) : only.name]),
        h('h2', '历年报告'),
        yearList(only.name, only.years),
        h('h2', '历年主要数据'),
        headlineTable(only.name, only.headline),
      ]
    : [
        h('h2', '各机关年度报告'),
        h(
          'ul',
          { className: ['agency-list'] },
          agencies.map((agency) =>
            h('li', [h('h3', agency.href ? h('a', { href: agency.href }, agency.name) : agency.name), yearList(agency.name, agency.years)]),
          ),
        ),
      ];
  return layout({
    config,
    title: config.siteName,
    description: `${config.siteName}：${agencies
      .slice(0, 10)
      .map((a) => a.name)
      .join('、')}${agencies.length > 10 ? `等 ${agencies.length} 个机关` : ''}`,
    links: input.links,
    breadcrumb: input.breadcrumb,
    main: [h('h1', config.siteName), intro, ...body, ...openData(input.links)],
  });
}
