// The server Playwright tests run against: demo mode on a fresh embedded PostgreSQL in
// .data/e2e (wiped first), so every run starts from the seeded demo project.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(__dirname, "..");
// Guard: e2e tests create and delete data; never point them at a real (non-local) database.
if (process.env.DATABASE_URL) {
  const host = new URL(process.env.DATABASE_URL).hostname;
  if (!["localhost", "127.0.0.1", "::1"].includes(host)) {
    console.error(`Refusing to run e2e tests against the non-local database host ${host}. Unset DATABASE_URL.`);
    process.exit(1);
  }
}
const dataDir = path.join(root, ".data", "e2e");
fs.rmSync(dataDir, { recursive: true, force: true });
// Playwright's request fixture reuses pooled sockets without heeding the server's keep-alive
// hint, so a test that spends longer in the browser than the idle timeout would get ECONNRESET.
const env: NodeJS.ProcessEnv = { ...process.env, STANCEBENCH_DATA_DIR: dataDir, EMBEDDED_PG_PORT: "0", HTTP_KEEP_ALIVE_SECONDS: "900" };
delete env.DATABASE_URL;
const child = spawn(path.join(root, "node_modules", ".bin", "tsx"), ["--conditions=react-server", "scripts/start.ts"], {
  cwd: root,
  env,
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
