import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { closePgPools } from "@/lib/db/pg-pool";
import { createImportTask } from "@/lib/documents/import-task";
import { stopQueue } from "@/lib/jobs/queue";
import type { ImportResult } from "@/lib/validation/documents";
import { makeTeam } from "./factories";

// Jobs go to pg-boss and run in real worker processes (`npm run worker`); this process only queues.
delete process.env.STANCEBENCH_JOBS;

const root = path.resolve(__dirname, "../..");
const LINES = 300;
const children: ChildProcess[] = [];

function startWorker(): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/worker.ts"], {
    cwd: root,
    env: { ...process.env, JOBS_PER_PROJECT: "2" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", () => undefined);
  child.stderr!.on("data", (chunk: Buffer) => process.stderr.write(chunk));
  children.push(child);
  return child;
}

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, seconds: number): Promise<T> {
  for (const end = Date.now() + seconds * 1000; Date.now() < end; ) {
    const value = await probe();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  await stopQueue();
  await closePgPools();
});

describe("crash recovery", () => {
  it("kill -9 of the worker mid-import: another worker resumes at once and every line is imported exactly once", async () => {
    const { project, manager } = await makeTeam();
    const jsonl = Array.from({ length: LINES }, (_, i) => JSON.stringify({ title: `Article ${i + 1}`, text: `Article number ${i + 1} says something.\nIt has a second line, ${i}.` })).join("\n");
    const { taskId } = await createImportTask(manager, project.id, [{ name: "big.jsonl", bytes: new TextEncoder().encode(jsonl) }]);
    const stored = () => prisma().document.count({ where: { importKey: { startsWith: `${taskId}:` } } });

    const first = startWorker();
    // Mid-task: some documents stored, most not.
    await until("the first documents", async () => (await stored()) >= 30, 120);
    first.kill("SIGKILL");
    await new Promise((resolve) => first.once("exit", resolve));
    // A statement the killed worker had sent still runs to its end (a COMMIT lands); once no other
    // backend of this database is active, the count stands still.
    await until("the killed worker's statements to end", async () => {
      const [row] = await prisma().$queryRaw<{ n: bigint }[]>`
        SELECT count(*) AS n FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active' AND backend_type = 'client backend'`;
      return row?.n === BigInt(0);
    }, 30);
    const atCrash = await stored();
    expect(atCrash).toBeLessThan(LINES);

    const restarted = Date.now();
    startWorker();
    await until("the import to resume", async () => (await stored()) >= atCrash + 5, 60);
    const resumedAfter = (Date.now() - restarted) / 1000;
    const done = await until("the import to finish", async () => {
      const t = await prisma().task.findUniqueOrThrow({ where: { id: taskId }, select: { status: true, done: true, total: true, result: true } });
      return t.status === "DONE" || t.status === "FAILED" ? t : null;
    }, 180);
    console.log(`killed at ${atCrash}/${LINES} documents; the new worker resumed ${resumedAfter.toFixed(1)} s after it was started`);

    expect(done).toMatchObject({ status: "DONE", done: 1, total: 1, result: { imported: LINES, duplicates: 0, failed: 0 } });
    expect(await stored()).toBe(LINES);
    const file = await prisma().importFile.findFirstOrThrow({ where: { taskId }, select: { result: true } });
    const results = file.result as ImportResult[];
    expect(results.map((r) => r.line)).toEqual(Array.from({ length: LINES }, (_, i) => i + 1));
    expect(results.every((r) => r.status === "imported")).toBe(true);
    expect(new Set(results.map((r) => r.id)).size).toBe(LINES);
  }, 300_000);

  it("a job its worker took but never claimed (killed between the two steps) is retried, not left to expire", async () => {
    // No worker of the previous test may take the job first.
    for (const child of children) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      child.kill("SIGKILL");
      await new Promise((resolve) => child.once("exit", resolve));
    }
    const { project, manager } = await makeTeam();
    const jsonl = Array.from({ length: 20 }, (_, i) => JSON.stringify({ title: `Unclaimed ${i + 1}`, text: `Unclaimed article ${i + 1}.` })).join("\n");
    const { taskId } = await createImportTask(manager, project.id, [{ name: "small.jsonl", bytes: new TextEncoder().encode(jsonl) }]);
    // What a worker killed right after pg-boss handed it the job leaves: the job running, no claim.
    const taken = await prisma().$executeRaw`
      UPDATE pgboss.job SET state = 'active', started_on = now() - interval '1 minute'
      WHERE state = 'created' AND data->>'projectId' = ${project.id}`;
    expect(taken).toBeGreaterThan(0);
    startWorker();
    const done = await until("the import to finish", async () => {
      const t = await prisma().task.findUniqueOrThrow({ where: { id: taskId }, select: { status: true, result: true } });
      return t.status === "DONE" || t.status === "FAILED" ? t : null;
    }, 120);
    expect(done).toMatchObject({ status: "DONE", result: { imported: 20, failed: 0 } });
  }, 180_000);
});
