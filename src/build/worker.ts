/**
 * A worker thread of a build (`pool.ts`): runs the report jobs it is sent
 * and posts their outcomes back. An exception is a bug or an unwritable
 * staging folder: it is posted as an error, and the build fails with it.
 */

import { parentPort, workerData } from 'node:worker_threads';
import { runJob, type ReportJob } from './job.js';
import { workerContext, type WorkerReply, type WorkerSetup } from './pool.js';

const context = workerContext(workerData as WorkerSetup);
const port = parentPort!;
port.on('message', (jobs: readonly ReportJob[]) => {
  let reply: WorkerReply;
  try {
    reply = { outcomes: jobs.map((job) => runJob(job, context)) };
  } catch (error) {
    const err = error as Error;
    reply = { error: err.message };
  }
  port.postMessage(reply);
});
