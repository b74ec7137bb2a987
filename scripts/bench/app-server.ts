// The built app on a free loopback port against the bench database, for benchmarks that measure
// through HTTP the way users work (its background workers run in the same process, as in production).
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export const root = path.resolve(__dirname, "..", "..");

export function requireBuild(): void {
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
    console.error("No production build: run `npx next build` first.");
    process.exit(1);
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function waitForHealth(url: string, child: ChildProcess, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/api/v1/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("the app did not become healthy in time");
}

/** `next start` in server mode on a free port; resolves once /api/v1/health answers. */
export async function startBuiltApp(databaseUrl: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const secret = crypto.randomBytes(32).toString("base64url");
  const next = spawn(path.join(root, "node_modules", ".bin", "next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DATABASE_URL: databaseUrl, AUTH_SECRET: secret, NEXTAUTH_SECRET: secret, NEXTAUTH_URL: url, STANCEBENCH_MODE: "server", NEXT_TELEMETRY_DISABLED: "1" },
  });
  const stop = async () => {
    if (next.exitCode === null) next.kill("SIGTERM");
    await new Promise((r) => (next.exitCode !== null ? r(null) : next.once("exit", r)));
  };
  try {
    await waitForHealth(url, next);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}
