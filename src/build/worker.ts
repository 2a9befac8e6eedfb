/**
 * A worker thread of a build (`pool.ts`): runs the report jobs and renders
 * the site pages it is sent, and posts back what came of them. An exception is a bug or an unwritable
 * staging folder: it is posted as an error, and the build fails with it.
 */

import { parentPort, workerData } from 'node:worker_threads';
import { runJob } from './job.js';
import { renderPage, workerContext, type WorkerReply, type WorkerSetup, type WorkerTask } from './pool.js';

const context = workerContext(workerData as WorkerSetup);
const port = parentPort!;
port.on('message', (task: WorkerTask) => {
  let reply: WorkerReply;
  try {
    reply = { results: task.kind === 'reports' ? task.items.map((job) => runJob(job, context)) : task.items.map((page) => renderPage(page, context)) };
  } catch (error) {
    reply = { error: (error as Error).message };
  }
  port.postMessage(reply);
});
