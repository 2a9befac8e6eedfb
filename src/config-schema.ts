/**
 * The schema of the site configuration file (`nianbao.config.json`): the
 * only source of `SiteConfig`. Loaded only when a configuration file must be
 * validated (see `read/config.ts`); its defaults live in `options.ts`.
 */

import { z } from 'zod';
import { siteConfigDefaults } from './options.js';

const text = (max: number) => z.string().trim().min(1, '不能为空 (must not be empty)').max(max, `不能超过 ${max} 个字符 (at most ${max} characters)`);

/**
 * The site configuration file (`nianbao.config.json`). Every field is
 * optional; unknown fields are errors, so a misspelt field is not silently
 * ignored. The footer and the government page meta tags (政府网站发展指引)
 * come from here.
 */
export const siteConfigSchema = z.strictObject({
  /** The site's name: `<meta name="SiteName">`, the header and page titles. */
  siteName: text(60).default(siteConfigDefaults.siteName),
  /** The site's domain (`<meta name="SiteDomain">`), e.g. `www.example.gov.cn`. Omitted when not set. */
  siteDomain: z
    .string()
    .trim()
    .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+(:\d{1,5})?$/i, '应为域名，如 www.example.gov.cn，不带 http:// (a host name, without http://)')
    .optional(),
  /** 网站标识码 (`<meta name="SiteIDCode">`, the footer): ten letters or digits, as issued. */
  siteIdCode: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z]{10}$/, '网站标识码应为 10 位数字或字母 (ten digits or letters)')
    .optional(),
  /** 主办单位, in the footer. */
  sponsor: text(100).optional(),
  /** 承办单位, in the footer when it differs from the sponsor. */
  organizer: text(100).optional(),
  /** 联系方式, in the footer. */
  contact: z
    .strictObject({
      phone: text(40).optional(),
      email: z.email('应为电子邮箱地址 (an e-mail address)').optional(),
      address: text(100).optional(),
    })
    .optional(),
  /** ICP 备案号, in the footer. */
  icp: text(40).optional(),
  /** 公安机关备案号, in the footer. */
  publicSecurityRecord: text(60).optional(),
  /** 栏目名称 (`<meta name="ColumnName">`) and the breadcrumb's first step within the site. */
  columnName: text(40).default(siteConfigDefaults.columnName),
  /** The portal this column belongs to: its home page starts the breadcrumb. */
  portal: z
    .strictObject({
      name: text(40),
      url: z.url({ protocol: /^https?$/, error: '应为 http:// 或 https:// 开头的网址 (an http or https URL)' }),
    })
    .optional(),
});

/** The site configuration after defaults. */
export type SiteConfig = z.infer<typeof siteConfigSchema>;
