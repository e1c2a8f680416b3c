/** Runs the add flow's extractions off the page's thread (see extract-off-thread.ts). */
import { runExtractJob, type ExtractRequest } from './extract-job';

self.onmessage = (event: MessageEvent<ExtractRequest>) => runExtractJob(event.data, (reply) => self.postMessage(reply));
