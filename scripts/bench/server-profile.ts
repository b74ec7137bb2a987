// tsx scripts/bench/server-profile.ts DIR: where the web process's CPU went during the measured
// window of `bench:annotator-server --cpu-profile DIR` (a `node --cpu-prof` profile plus
// window.json), by area and by function. A sample counts for the first area found walking up
// its stack from the leaf, so Prisma called from a page counts as Prisma.
import fs from "node:fs";
import path from "node:path";

type Frame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
type Node = { id: number; callFrame: Frame; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number };

const AREAS: [string, RegExp][] = [
  ["auth: next-auth, JWT (jose, hkdf)", /next-auth|\/jose\/|panva|\/uuid\/|crypto\/hkdf/],
  ["Prisma: client, wasm query compiler, pg", /prisma|^wasm:|node_modules\/pg/],
  ["proxy.ts + CSP", /middleware|proxy/],
  ["React server render, RSC + HTML (app-page runtime)", /app-page.*runtime/],
  ["API route runtime", /app-route.*runtime/],
  ["app code (.next/server chunks)", /\.next\/server/],
  ["Next.js server (routing, response, compression)", /next\/dist|node:zlib/],
];

function area(stack: Frame[]): string {
  for (const [name, pattern] of AREAS) if (stack.some((f) => pattern.test(f.url))) return name;
  const leaf = stack[0]!;
  return leaf.url ? `node internals (${leaf.url.replace(/^node:(internal\/)?/, "")})` : leaf.functionName;
}

function main() {
  const dir = process.argv[2];
  if (!dir) throw new Error("usage: server-profile.ts DIR");
  const file = fs.readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
  if (!file) throw new Error(`no .cpuprofile in ${dir}`);
  const p = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as Profile;
  const window = JSON.parse(fs.readFileSync(path.join(dir, "window.json"), "utf8")) as { from: number; to: number; requests: number };
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  let t = p.startTime;
  for (let i = 0; i < p.samples.length; i++) {
    t += p.timeDeltas[i]!;
    if (t < window.from || t > window.to) continue;
    const stack: Frame[] = [];
    for (let id: number | undefined = p.samples[i]; id !== undefined; id = parent.get(id)) stack.push(byId.get(id)!.callFrame);
    if (stack[0]!.functionName === "(idle)") continue;
    const ms = (p.timeDeltas[i + 1] ?? 0) / 1000;
    total += ms;
    const a = area(stack);
    areas.set(a, (areas.get(a) ?? 0) + ms);
    const leaf = stack[0]!;
    const key = `${leaf.functionName || "(anonymous)"} ${leaf.url.replace(/.*node_modules\//, "").replace(/.*\.next\//, ".next/")}:${leaf.lineNumber + 1}`;
    functions.set(key, (functions.get(key) ?? 0) + ms);
  }
  const per = (ms: number) => `${(ms / window.requests).toFixed(1).padStart(6)} ms/request ${((100 * ms) / total).toFixed(0).padStart(3)} %`;
  console.log(`${window.requests} page requests, ${(total / window.requests).toFixed(1)} ms of sampled CPU each (the profiler adds its own)`);
  for (const [name, ms] of [...areas].sort((a, b) => b[1] - a[1]).slice(0, 14)) console.log(`  ${per(ms)}  ${name}`);
  console.log("top functions by self time:");
  for (const [name, ms] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`  ${per(ms)}  ${name.slice(0, 110)}`);
}

main();
