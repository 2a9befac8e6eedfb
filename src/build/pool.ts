/**
 * Running a build's report jobs (`job.ts`): in the main thread, or spread
 * over worker threads and the main thread when there are enough of them to
 * pay for starting the workers (each loads the parser and the templates:
 * some 0.2 s). Outcomes
 * come back as plain data, in whatever order the jobs finish; the build puts
 * them back in its own order.
 */

import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { OutputManifest } from '../cache/index.js';
import type { SiteContext } from '../render/site.js';
import { renderSitePage, type PlannedPage } from '../render/site-pages.js';
import { StagingWriter } from '../write/output.js';
import { type JobContext, type JobOutcome, type ReportJob, runJob } from './job.js';

/** Runs jobs and tells each outcome as it comes. */
export interface JobRunner {
  run(jobs: readonly ReportJob[], onOutcome: (outcome: JobOutcome) => void): Promise<void>;
  /** Render site pages into the staging folder; tells each page's path once it is written. */
  renderPages(pages: readonly PlannedPage[], onWritten: (path: string) => void): Promise<void>;
  /** Stop the workers, if any. */
  close(): Promise<void>;
}

/** A message to a worker: report jobs, or site pages to render. */
export type WorkerTask = { readonly kind: 'reports'; readonly items: readonly ReportJob[] } | { readonly kind: 'pages'; readonly items: readonly PlannedPage[] };

/** What a worker needs to build its `JobContext`: plain data only. */
export interface WorkerSetup {
  readonly site: SiteContext;
  readonly tool: string;
  readonly configKey: string;
  readonly stagingDir: string;
  readonly manifest: OutputManifest | undefined;
}

/** A message from a worker: the outcomes of report jobs, the paths of rendered pages, or what went wrong. */
export type WorkerReply = { readonly results: readonly JobOutcome[] | readonly string[] } | { readonly error: string };

/**
 * Jobs per message: enough that posting costs little next to the work (a
 * report takes about a millisecond), few enough that the two workers finish
 * together.
 */
const BATCH = 16;
/** Batches a worker holds at a time: one being worked on, one waiting, so it never idles on the main thread. */
const IN_FLIGHT = 2;
/** Below this many jobs per thread, starting the workers costs more than it saves. */
const MIN_JOBS_PER_THREAD = 150;

/**
 * The number of worker threads for `count` jobs. `threads`: how many threads
 * are to work on them, the main thread among them (`--jobs`); by default one
 * per processor when there is enough work, else the main thread alone.
 */
export function workerCount(count: number, threads: number | undefined): number {
  if (count === 0) return 0;
  if (threads !== undefined) return Math.max(0, threads - 1);
  const cores = availableParallelism();
  return cores > 1 && count >= cores * MIN_JOBS_PER_THREAD ? cores - 1 : 0;
}

/** Run jobs one after the other in this thread. */
export function inThread(context: JobContext): JobRunner {
  return {
    async run(jobs, onOutcome) {
      for (const job of jobs) onOutcome(runJob(job, context));
    },
    async renderPages(pages, onWritten) {
      for (const page of pages) onWritten(renderPage(page, context));
    },
    async close() {},
  };
}

/**
 * Run jobs on `size` worker threads and on this thread too: on two cores,
 * one worker and the main thread keep both busy, and the second heap a
 * second worker would need (some 120 MB at 10,000 reports) is saved. The
 * main thread takes a batch whenever it has passed the workers' results on.
 */
export function workerPool(size: number, setup: WorkerSetup): JobRunner {
  const local = inThread(workerContext(setup));
  const workers = Array.from({ length: size }, () => new Worker(workerScript(), { workerData: setup }));
  let failure: Error | undefined;
  let current: { fail: (error: Error) => void } | undefined;
  const fail = (error: Error) => {
    failure ??= error;
    current?.fail(failure);
  };
  for (const worker of workers) {
    worker.on('error', (error) => fail(new Error(`工作线程出错 (a worker thread failed): ${error.message}`, { cause: error })));
    worker.on('exit', (code) => {
      if (code !== 0) fail(new Error(`工作线程意外退出 (a worker thread exited with code ${code})`));
    });
  }

  /** Hand out `items` in batches, each worker holding `IN_FLIGHT` at a time and this thread taking one when it is free, until every result is back. */
  const spread = <T, R>(kind: WorkerTask['kind'], items: readonly T[], runHere: (batch: readonly T[], onResult: (result: R) => void) => Promise<void>, onResult: (result: R) => void) =>
    new Promise<void>((resolve, reject) => {
      if (failure) return reject(failure);
      let next = 0;
      let pending = 0;
      let settled = false;
      const finish = (error?: Error) => {
        if (settled) return;
        settled = true;
        for (const worker of workers) worker.removeAllListeners('message');
        current = undefined;
        if (error) reject(error);
        else resolve();
      };
      current = { fail: finish };
      const take = (): readonly T[] => {
        const batch = items.slice(next, next + BATCH);
        next += batch.length;
        return batch;
      };
      const send = (worker: Worker) => {
        if (next >= items.length) return;
        pending++;
        worker.postMessage({ kind, items: take() });
      };
      const check = () => {
        if (pending === 0 && next >= items.length) finish();
      };
      for (const worker of workers) {
        worker.on('message', (reply: WorkerReply) => {
          if ('error' in reply) return finish(new Error(reply.error));
          pending--;
          try {
            for (const result of reply.results) onResult(result as R);
          } catch (error) {
            return finish(error as Error);
          }
          send(worker);
          check();
        });
      }
      for (let round = 0; round < IN_FLIGHT; round++) for (const worker of workers) send(worker);
      // This thread's share: a batch at a time, letting the workers' messages in between.
      const work = async () => {
        while (!settled && next < items.length) {
          pending++;
          await runHere(take(), onResult);
          pending--;
          await new Promise((resume) => setImmediate(resume));
        }
        if (!settled) check();
      };
      work().catch((error: unknown) => finish(error as Error));
    });

  return {
    run: (jobs, onOutcome) => spread('reports', jobs, (batch, on) => local.run(batch, on), onOutcome),
    renderPages: (pages, onWritten) => spread('pages', pages, (batch, on) => local.renderPages(batch, on), onWritten),
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

/** Render one site page into the staging folder; its path. */
export function renderPage(page: PlannedPage, context: JobContext): string {
  context.staging.writeSync(page.path, renderSitePage(page, context.site));
  return page.path;
}

/** A worker's context from its setup. */
export function workerContext(setup: WorkerSetup): JobContext {
  return { site: setup.site, tool: setup.tool, configKey: setup.configKey, manifest: setup.manifest, staging: new StagingWriter(setup.stagingDir) };
}

/**
 * The worker's script: compiled JavaScript beside this module, or, when this
 * module runs from its TypeScript source (the test runner), the compiled
 * copy in out/ that `npm test` builds first.
 */
function workerScript(): URL {
  const beside = new URL('./worker.js', import.meta.url);
  if (existsSync(fileURLToPath(beside))) return beside;
  return new URL('../../out/src/build/worker.js', import.meta.url);
}
