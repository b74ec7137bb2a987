// What each `npm start` started (Next.js, workers), recorded in the data folder, so the next start
// after a crash (kill -9 of `npm start` leaves its children running, holding the port and the
// database) can stop them.
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const runDir = (dataDir: string) => path.join(dataDir, "run");

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Only processes that still run our own commands: a recycled pid is left alone. */
const isOurs = (pid: number) => {
  try {
    return /next|worker\.ts|web-cluster\.ts/u.test(fs.readFileSync(`/proc/${pid}/cmdline`, "utf8"));
  } catch {
    return false;
  }
};

export function recordChildren(dataDir: string, children: (ChildProcess | null | undefined)[]): void {
  fs.mkdirSync(runDir(dataDir), { recursive: true });
  const pids = children.flatMap((c) => (c?.pid ? [c.pid] : []));
  fs.writeFileSync(path.join(runDir(dataDir), `${process.pid}.json`), JSON.stringify(pids));
}

/** Stops the children of earlier starts whose `npm start` is gone. */
export async function cleanUpAfterCrash(dataDir: string, log: (message: string) => void): Promise<void> {
  if (!fs.existsSync(runDir(dataDir))) return;
  for (const entry of fs.readdirSync(runDir(dataDir))) {
    const owner = Number(entry.replace(/\.json$/u, ""));
    if (owner === process.pid || alive(owner)) continue;
    const file = path.join(runDir(dataDir), entry);
    let pids: number[] = [];
    try {
      pids = JSON.parse(fs.readFileSync(file, "utf8")) as number[];
    } catch {
      // unreadable record: nothing to stop
    }
    const left = pids.filter((pid) => alive(pid) && isOurs(pid));
    for (const pid of left) {
      log(`stopping process ${pid} left running by a previous start`);
      process.kill(pid, "SIGKILL");
    }
    if (left.length > 0) await new Promise((resolve) => setTimeout(resolve, 500));
    fs.rmSync(file, { force: true });
  }
}
