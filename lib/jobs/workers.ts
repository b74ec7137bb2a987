import "server-only";
import { startWorkers } from "./queue";
// Importing a job module registers its handler.
import "@/lib/documents/import-task";
import "@/lib/suggestion-runs/suggestion-task";
import "@/lib/datasets/build-task";
import "@/lib/agreement/agreement-task";

/** `failHard`: a worker process exits when it cannot work, so its supervisor sees it. */
export async function startBackgroundWorkers(options: { failHard?: boolean } = {}): Promise<void> {
  try {
    await startWorkers();
  } catch (error) {
    if (options.failHard) throw error;
    // The web app still serves pages; jobs wait in PostgreSQL until a worker starts.
    console.error("Background workers did not start", error);
  }
}
