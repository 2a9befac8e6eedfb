/**
 * The page shell every page shares: `lang="zh-CN"`, the government page meta
 * tags (政府网站发展指引), a skip link, header/nav/main/footer landmarks, the
 * reading options (适老化: larger text, high contrast, without JavaScript)
 * and the footer with the site's 主办单位, contact and 网站标识码.
 */

import type { ElementContent, Root } from 'hast';
import { h, type Child } from 'hastscript';
import { columnType, type SiteConfig } from '../src/options.js';
import { shared } from './shared.js';

/** One step of the breadcrumb; the last is the current page and has no link. */
export interface Crumb {
  readonly label: string;
  readonly href?: string | undefined;
}

/** The meta tags of an article page (政府网站发展指引). */
export interface ArticleMeta {
  readonly title: string;
  /** `YYYY-MM-DD`, when the report gives its date. */
  readonly pubDate?: string | undefined;
  /** The publishing agency. */
  readonly source: string;
}

/** What the shell needs from a page. All links are relative to the page. */
export interface LayoutInput {
  readonly config: SiteConfig;
  /** The `<title>`, without the site's name. */
  readonly title: string;
  readonly description?: string | undefined;
  readonly article?: ArticleMeta | undefined;
  readonly links: {
    readonly home: string;
    readonly stylesheet: string;
    readonly reportsJson: string;
    readonly reportsCsv: string;
    readonly schema: string;
  };
  /** From the site's home page (or the portal's) to the page itself. */
  readonly breadcrumb: readonly Crumb[];
  readonly main: readonly Child[];
}

/** The whole page: a hast root with its doctype, ready for hast-util-to-html. */
export function layout(input: LayoutInput): Root {
  const { config, links } = input;
  const title = input.title === config.siteName ? config.siteName : `${input.title} - ${config.siteName}`;
  const page = h('html', { lang: 'zh-CN' }, [
    h('head', [
      h('meta', { charSet: 'utf-8' }),
      h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      h('title', title),
      input.description ? h('meta', { name: 'description', content: input.description }) : null,
      ...governmentMeta(input),
      h('link', { rel: ['stylesheet'], href: links.stylesheet }),
    ]),
    h('body', [
      h('a', { className: ['skip-link'], href: '#main-content' }, '跳到正文'),
      header(config, links.home),
      breadcrumb(input.breadcrumb),
      h('main', { id: 'main-content', className: ['container'] }, ...input.main),
      footer(config, links.reportsJson, links.reportsCsv, links.schema),
    ]),
  ]);
  return { type: 'root', children: [{ type: 'doctype' }, page] };
}

function governmentMeta(input: LayoutInput): ElementContent[] {
  const { config, article } = input;
  const pairs: [string, string | undefined][] = [
    ['SiteName', config.siteName],
    ['SiteDomain', config.siteDomain],
    ['SiteIDCode', config.siteIdCode],
    ['ColumnName', config.columnName],
    ['ColumnType', columnType],
    ['ArticleTitle', article?.title],
    ['PubDate', article?.pubDate],
    ['ContentSource', article?.source],
  ];
  return pairs.filter((pair): pair is [string, string] => pair[1] !== undefined).map(([name, content]) => h('meta', { name, content }));
}

// The header and the footer depend only on the configuration and the page's depth (its links): built once for each (see shared.ts).
const header = shared((config: SiteConfig, home: string) =>
  h('header', { className: ['site-header'] }, [
    h('div', { className: ['container', 'site-header-inner'] }, [
      h('p', { className: ['site-name'] }, [h('a', { href: home }, config.siteName)]),
      h('fieldset', { className: ['reading-options'] }, [
        h('legend', '阅读辅助'),
        option('option-large-text', '大字号'),
        option('option-high-contrast', '高对比度'),
      ]),
    ]),
  ]),
);

/** A reading option: a checkbox the stylesheet reads with `:has()`, so no script is needed. */
function option(id: string, label: string): ElementContent {
  return h('span', { className: ['reading-option'] }, [h('input', { type: 'checkbox', id }), h('label', { htmlFor: id }, label)]);
}

function breadcrumb(crumbs: readonly Crumb[]): ElementContent {
  return h('nav', { className: ['breadcrumb'], ariaLabel: '当前位置' }, [
    h(
      'ol',
      { className: ['container'] },
      crumbs.map((crumb, i) =>
        h('li', [i === crumbs.length - 1 || crumb.href === undefined ? h('span', { ariaCurrent: 'page' }, crumb.label) : h('a', { href: crumb.href }, crumb.label)]),
      ),
    ),
  ]);
}

const footer = shared((config: SiteConfig, reportsJson: string, reportsCsv: string, schema: string) => {
  const contact = config.contact;
  const items: [string, string | ElementContent | undefined][] = [
    ['主办单位', config.sponsor],
    ['承办单位', config.organizer],
    ['联系电话', contact?.phone],
    ['电子邮箱', contact?.email ? h('a', { href: `mailto:${contact.email}` }, contact.email) : undefined],
    ['通信地址', contact?.address],
    ['网站标识码', config.siteIdCode],
    ['ICP备案号', config.icp],
    ['公安机关备案号', config.publicSecurityRecord],
  ];
  const shown = items.filter(([, value]) => value !== undefined);
  return h('footer', { className: ['site-footer'] }, [
    h('div', { className: ['container'] }, [
      shown.length > 0 ? h('ul', { className: ['site-info'] }, shown.map(([label, value]) => h('li', {}, `${label}：`, value))) : null,
      h('p', { className: ['open-data'] }, [
        '开放数据：',
        h('a', { href: reportsJson, type: 'application/json' }, '全部年报数据（JSON）'),
        '　',
        h('a', { href: reportsCsv, type: 'text/csv' }, '全部年报数据（CSV）'),
        '　',
        h('a', { href: schema, type: 'application/schema+json' }, '数据格式说明（JSON Schema）'),
      ]),
    ]),
  ]);
});
