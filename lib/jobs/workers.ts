import "server-only";
import { startWorkers } from "./queue";
// Importing a job module registers its handler.
import "@/lib/documents/import-task";
import "@/lib/suggestion-runs/suggestion-task";
import "@/lib/datasets/build-task";
import "@/lib/agreement/agreement-task";

export async function startBackgroundWorkers(): Promise<void> {
  try {
    await startWorkers();
  } catch (error) {
    // The web app still serves pages; jobs wait in PostgreSQL until a worker starts.
    console.error("Background workers did not start", error);
  }
}
