/**
 * Every option of `nianbao build` and of the site configuration file, with
 * its default and the reason for it. Nothing else defines a default. The
 * configuration file's schema (which fields, what each may hold) is in
 * `config-schema.ts`, apart, so that loading the options loads no zod.
 */

import type { SiteConfig } from './config-schema.js';

export type { SiteConfig } from './config-schema.js';

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

/** `<meta name="ColumnType">` of every page: fixed by 政府网站发展指引 for this kind of column. */
export const columnType = '信息公开年报';

/**
 * The defaults of the site configuration file's fields (the schema in
 * `config-schema.ts` applies them). Plain values here, so that a site
 * without a configuration file is built without loading the schema's
 * library (zod takes some 70 ms to load, a quarter of a no-change rebuild).
 */
export const siteConfigDefaults = {
  /** The site's name: `<meta name="SiteName">`, the header and page titles. */
  siteName: '政府信息公开工作年度报告',
  /** 栏目名称 (`<meta name="ColumnName">`) and the breadcrumb's first step within the site. */
  columnName: '政府信息公开年报',
} as const;

/** The site configuration when there is no file: the schema's defaults (a test keeps the two in step). */
export function defaultSiteConfig(): SiteConfig {
  return { ...siteConfigDefaults };
}
