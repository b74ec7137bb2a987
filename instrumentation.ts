// Next.js calls register() once per server instance. `npm start` runs jobs in worker processes
// and starts Next.js with STANCEBENCH_WORKERS=off (web only); a bare `next dev`/`next start`
// works jobs in-process, as `npm run dev` does.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.STANCEBENCH_WORKERS === "off") return;
  const { startBackgroundWorkers } = await import("./lib/jobs/workers");
  await startBackgroundWorkers();
}
