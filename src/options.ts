/**
 * Every option of `nianbao build` and of the site configuration file, with
 * its default and the reason for it. Nothing else defines a default.
 */

import { z } from 'zod';

/** Options of one build. */
export interface BuildOptions {
  /** The folder of reports (`<year>.md` or `<agency>/<year>.md`). Default `reports`: the layout the README documents. */
  readonly reports: string;
  /** The output folder, replaced as a whole on success. Default `dist`: what static hosts and the county portal upload. */
  readonly out: string;
  /** Fail on warnings too. Default false: a warning is worth a look, not a reason to withhold a report. */
  readonly strict: boolean;
  /**
   * The site configuration file. Default: `nianbao.config.json` in the
   * working folder when it exists (a site works without one); a file named
   * here must exist.
   */
  readonly config: string | undefined;
  /**
   * Use and update the cache (`--no-cache` turns it off). Default true: a
   * rebuild of a province's 10,000 reports then reprocesses and rewrites
   * only what changed. Off, the build reads no cache and writes none, and
   * builds the whole output afresh (a clean build).
   */
  readonly cache: boolean;
  /**
   * Where the report cache is kept. Default `.cache/nianbao` in the working
   * folder: the usual place for tools' caches, git-ignored, and safe to delete.
   */
  readonly cacheDir: string;
  /** The folder relative paths are resolved against. Default: the process's working folder. */
  readonly cwd: string;
  /**
   * How many threads read, check and render reports (`--jobs`): 1 is the
   * main thread alone; N > 1 is N worker threads, the main thread handing
   * out the work. Default undefined: one worker per processor when at least
   * 150 reports per processor must be processed (a province's first build),
   * the main thread alone otherwise: starting a worker costs about 0.2 s,
   * more than a township's whole build.
   */
  readonly jobs?: number | undefined;
}

/** The defaults of `BuildOptions`, except `cwd`, which the CLI passes. */
export const buildDefaults = {
  reports: 'reports',
  out: 'dist',
  strict: false,
  config: undefined,
  cache: true,
  cacheDir: '.cache/nianbao',
} as const satisfies Omit<BuildOptions, 'cwd'>;

/** The configuration file looked for when `--config` is not given. */
export const defaultConfigFile = 'nianbao.config.json';

const text = (max: number) => z.string().trim().min(1, '不能为空 (must not be empty)').max(max, `不能超过 ${max} 个字符 (at most ${max} characters)`);

/**
 * The site configuration file (`nianbao.config.json`). Every field is
 * optional; unknown fields are errors, so a misspelt field is not silently
 * ignored. The footer and the government page meta tags (政府网站发展指引)
 * come from here.
 */
export const siteConfigSchema = z.strictObject({
  /** The site's name: `<meta name="SiteName">`, the header and page titles. */
  siteName: text(60).default('政府信息公开工作年度报告'),
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
  columnName: text(40).default('政府信息公开年报'),
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

/** `<meta name="ColumnType">` of every page: fixed by 政府网站发展指引 for this kind of column. */
export const columnType = '信息公开年报';

/** The site configuration when there is no file. */
export function defaultSiteConfig(): SiteConfig {
  return siteConfigSchema.parse({});
}
