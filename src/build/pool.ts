/**
 * Running a build's report jobs (`job.ts`) and rendering its site pages: in
 * the main thread, or on worker threads when there are enough jobs to pay
 * for starting them (each loads the bundled stages: some 0.2 s). Outcomes
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
import { detached, type JobContext, type JobOutcome, type ReportJob, runJob } from './job.js';

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
 * The old generation of a worker's heap, in MiB. A worker keeps nothing
 * between reports (some 15 MB live: the modules and one report at a time),
 * but left alone V8 lets a busy heap grow to several times that: at 10,000
 * reports two workers and the main thread passed 550 MB. Bounded, V8
 * collects sooner, and cheaply, since little is live. A report that needs
 * more (no real one comes near) is processed again in the main thread,
 * which has no such bound (see `workerPool`).
 */
const WORKER_OLD_SPACE_MB = 96;

/**
 * The number of worker threads for `count` jobs. `threads`: how many threads
 * are to work on them (`--jobs`; 1 is the main thread alone); by default one
 * per processor when there is enough work, else the main thread alone. With
 * workers, the main thread only hands out jobs and writes what comes back.
 */
export function workerCount(count: number, threads: number | undefined): number {
  if (count === 0) return 0;
  const wanted = threads ?? (count >= availableParallelism() * MIN_JOBS_PER_THREAD ? availableParallelism() : 1);
  return wanted > 1 ? wanted : 0;
}

/** Run jobs one after the other in this thread. */
export function inThread(context: JobContext): JobRunner {
  return {
    async run(jobs, onOutcome) {
      for (const job of jobs) onOutcome(detached(runJob(job, context)));
    },
    async renderPages(pages, onWritten) {
      for (const page of pages) onWritten(renderPage(page, context));
    },
    async close() {},
  };
}

/**
 * Run jobs on `size` worker threads. The main thread hands them out in
 * batches and passes the results on as they come; it runs none itself, so
 * that its heap holds the build's results and little garbage. A worker that
 * runs out of memory is dropped and its unfinished batches are run here.
 */
export function workerPool(size: number, setup: WorkerSetup, { oldSpaceMb = WORKER_OLD_SPACE_MB }: { readonly oldSpaceMb?: number } = {}): JobRunner {
  const local = inThread(workerContext(setup));
  const workers = new Set<Worker>();
  /** Each worker's batches sent and not yet answered, oldest first. */
  const inFlight = new Map<Worker, { kind: WorkerTask['kind']; items: readonly unknown[] }[]>();
  let failure: Error | undefined;
  let current: { fail: (error: Error) => void; orphaned: (batches: { kind: WorkerTask['kind']; items: readonly unknown[] }[]) => void } | undefined;
  for (let n = 0; n < size; n++) {
    const worker = new Worker(workerScript(), { workerData: setup, resourceLimits: { maxOldGenerationSizeMb: oldSpaceMb } });
    workers.add(worker);
    inFlight.set(worker, []);
    worker.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        workers.delete(worker);
        current?.orphaned(inFlight.get(worker) ?? []);
        return;
      }
      failure ??= new Error(`工作线程出错 (a worker thread failed): ${error.message}`, { cause: error });
      current?.fail(failure);
    });
    worker.on('exit', (code) => {
      if (code !== 0 && workers.has(worker)) {
        failure ??= new Error(`工作线程意外退出 (a worker thread exited with code ${code})`);
        current?.fail(failure);
      }
    });
  }

  /** Hand out `items` in batches, each worker holding `IN_FLIGHT` at a time, until every result is back. */
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
      const check = () => {
        if (pending === 0 && next >= items.length) finish();
      };
      const send = (worker: Worker) => {
        if (next >= items.length) return;
        const batch = items.slice(next, next + BATCH);
        next += batch.length;
        pending++;
        inFlight.get(worker)!.push({ kind, items: batch });
        worker.postMessage({ kind, items: batch });
      };
      /** Batches a worker could not finish, run here; and when no worker is left, everything that remains. */
      const runOrphans = async (batches: readonly { items: readonly unknown[] }[]) => {
        for (const batch of batches) {
          await runHere(batch.items as readonly T[], onResult);
          pending--;
        }
        while (workers.size === 0 && next < items.length) {
          const batch = items.slice(next, next + BATCH);
          next += batch.length;
          await runHere(batch, onResult);
        }
        check();
      };
      current = {
        fail: finish,
        orphaned: (batches) => {
          runOrphans(batches).catch((error: unknown) => finish(error as Error));
        },
      };
      for (const worker of workers) {
        worker.on('message', (reply: WorkerReply) => {
          if ('error' in reply) return finish(new Error(reply.error));
          inFlight.get(worker)!.shift();
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
      if (workers.size === 0) current.orphaned([]);
      else check();
    });

  return {
    run: (jobs, onOutcome) => spread('reports', jobs, (batch, on) => local.run(batch, on), onOutcome),
    renderPages: (pages, onWritten) => spread('pages', pages, (batch, on) => local.renderPages(batch, on), onWritten),
    async close() {
      await Promise.all([...workers].map((worker) => worker.terminate()));
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
 * The worker's script, compiled: beside this module; beside the bundled
 * stages (scripts/bundle-stages.mjs), which hold this module; or, when this
 * module runs from its TypeScript source (the test runner), in out/, which
 * `npm test` compiles first.
 */
function workerScript(): URL {
  const candidates = ['./worker.js', './build/worker.js', '../../out/src/build/worker.js'].map((path) => new URL(path, import.meta.url));
  return candidates.find((url) => existsSync(fileURLToPath(url))) ?? candidates[0]!;
}
