// Next.js calls register() once per server instance: each instance also works background jobs
// (pg-boss shares them out through PostgreSQL). STANCEBENCH_WORKERS=off runs a web-only instance.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.STANCEBENCH_WORKERS === "off") return;
  const { startBackgroundWorkers } = await import("./lib/jobs/workers");
  await startBackgroundWorkers();
}
