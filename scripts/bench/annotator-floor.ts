// `bench:annotator --floor`: the fixed stack's own cost, measured beside the annotator page. At bench
// time a minimal Next.js app is written to tmp/bench-floor (git-ignored, removed afterwards), built with the Next.js and
// React of node_modules and this app's next.config, and served with `next start`. Its only client
// component sets `data-ready="true"` on mount (and moves a focus on `j`, so the same driver works):
//   /bare     App Router + React 19, rendered per request (as every page of ours is);
//   /session  the same, behind a proxy that sets a per-request CSP nonce (as ours does), and the
//             page reads and decrypts the next-auth session cookie with next-auth's own `decode`.
// Whatever the annotator page takes beyond /session is ours. Nothing of it is part of the app.
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { freePort, root } from "./app-server";

const dir = path.join(root, "tmp", "bench-floor");
export const FLOOR_COOKIE = "next-auth.session-token";

const FILES: Record<string, string> = {
  "next.config.js": `// This app's config (the parts that shape the client are the same), rooted at the repository for node_modules.
const base = require(${JSON.stringify(path.join(root, "next.config.js"))});
module.exports = { ...base, turbopack: { root: ${JSON.stringify(root)} } };
`,
  "package.json": `{ "name": "stancebench-floor", "private": true }\n`,
  "app/layout.js": `export const metadata = { title: "Floor" };
export default function RootLayout({ children }) {
  return <html lang="en"><body>{children}</body></html>;
}
`,
  "app/ready.js": `"use client";
import { useEffect, useState } from "react";
// Ready on mount, as the annotator is once its data is in hand; "j" moves the focus like its keyboard.
export function Ready() {
  const [ready, setReady] = useState(false);
  const [focused, setFocused] = useState(0);
  useEffect(() => {
    performance.mark("annotator:hydrated");
    setReady(true);
    const onKey = (e) => { if (e.key === "j") setFocused(1); };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  return (
    <div data-testid="annotator" data-ready={ready ? "true" : "false"}>
      {[0, 1].map((i) => <p key={i} data-row={i} data-focused={focused === i ? "true" : "false"}>Row {i}</p>)}
    </div>
  );
}
`,
  "app/bare/page.js": `import { connection } from "next/server";
import { Ready } from "../ready";
export default async function Page() {
  await connection();
  return <main><Ready /></main>;
}
`,
  "app/session/page.js": `import { cookies } from "next/headers";
import { connection } from "next/server";
import { decode } from "next-auth/jwt";
import { Ready } from "../ready";
export default async function Page() {
  await connection();
  const token = (await cookies()).get(${JSON.stringify(FLOOR_COOKIE)})?.value;
  const claims = token ? await decode({ token, secret: process.env.NEXTAUTH_SECRET }) : null;
  if (!claims?.uid) return <main>signed out</main>;
  return <main><Ready /></main>;
}
`,
  "proxy.js": `import { NextResponse } from "next/server";
// A nonce per request, handed to Next.js in the request's CSP header, as the app's proxy does.
export function proxy(request) {
  const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
  const policy = \`default-src 'self'; script-src 'self' 'nonce-\${nonce}' 'strict-dynamic'; style-src 'self' 'nonce-\${nonce}'; style-src-attr 'unsafe-inline'; object-src 'none'; base-uri 'none'\`;
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}
export const config = { matcher: ["/session"] };
`,
};

export type FloorApp = { url: string; pid?: number; secret: string; stop: () => Promise<void> };

const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

function run(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin, ...args], { cwd: dir, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next ${args[0]} of the floor app failed (${code}):\n${output}`))));
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
}

/** Writes and builds the floor app, then serves it on a free port until `stop()`. */
export async function startFloorApp(): Promise<FloorApp> {
  fs.rmSync(dir, { recursive: true, force: true });
  for (const [file, content] of Object.entries(FILES)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
  }
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" as const };
  const started = performance.now();
  await run(["build"], env).catch((error) => {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  });
  console.log(`floor app built in ${((performance.now() - started) / 1000).toFixed(0)} s (${dir})`);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const secret = crypto.randomBytes(32).toString("base64url");
  const child = spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: dir,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...env, NEXTAUTH_SECRET: secret, NEXTAUTH_URL: url },
  });
  // Removed once served: its build output must not linger in the tree for linters and type checks.
  const stop = async () => {
    await stopChild(child);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the floor app exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/bare`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error("the floor app did not answer in time");
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, pid: child.pid, secret, stop };
}

/** A next-auth session cookie for the floor app, encrypted with next-auth's own `encode`. */
export async function floorSessionToken(secret: string): Promise<string> {
  const { encode } = await import("next-auth/jwt");
  return encode({ token: { uid: crypto.randomUUID(), sv: 0 }, secret });
}
