// Adds lockfile entries for platform-specific optional packages (other OSes and CPUs)
// that a registry mirror without those binaries leaves out. Without them `npm ci`
// refuses the lockfile as "out of sync"; with them npm skips the packages by os/cpu.
// Run after `npm install` changes package-lock.json.
import { readFileSync, writeFileSync } from "node:fs";

const LOCK = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(LOCK, "utf8"));
const packages = lock.packages;

const OS = ["darwin", "win32", "android", "freebsd", "openbsd", "netbsd", "sunos", "aix", "openharmony", "linux"];
const CPU = [
  ["arm64", "arm64"], ["aarch64", "arm64"], ["x64", "x64"], ["ia32", "ia32"], ["loong64", "loong64"],
  ["ppc64", "ppc64"], ["riscv64", "riscv64"], ["s390x", "s390x"], ["mips64el", "mips64el"], ["arm", "arm"],
];

function platformOf(name) {
  const tokens = name.split("/").pop().split(/[-_]/);
  const os = OS.find((o) => tokens.includes(o));
  const cpu = CPU.find(([token]) => tokens.includes(token) || tokens.some((t) => t.startsWith(token)))?.[1];
  const libc = tokens.some((t) => t.startsWith("musl")) ? "musl" : tokens.includes("gnu") || tokens.some((t) => t.startsWith("gnu")) ? "glibc" : undefined;
  return { os, cpu, libc };
}

function resolvedFrom(parentPath, name) {
  // Node resolution inside the lockfile: walk up from the parent's node_modules.
  let base = parentPath;
  for (;;) {
    const candidate = base ? `${base}/node_modules/${name}` : `node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (!base) return undefined;
    const cut = base.lastIndexOf("/node_modules/");
    base = cut === -1 ? "" : base.slice(0, cut);
  }
}

let added = 0;
for (const [path, entry] of Object.entries(packages)) {
  for (const [name, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    if (resolvedFrom(path, name)) continue;
    if (!/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(spec)) {
      console.warn(`skip ${name}@${spec}: not an exact version`);
      continue;
    }
    const { os, cpu, libc } = platformOf(name);
    if (!os || !cpu) {
      console.warn(`skip ${name}: platform not recognised`);
      continue;
    }
    packages[`node_modules/${name}`] = {
      version: spec,
      cpu: [cpu],
      optional: true,
      os: [os],
      ...(libc ? { libc: [libc] } : {}),
    };
    added += 1;
  }
}

lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a < b ? -1 : a > b ? 1 : 0)));
writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`added ${added} platform entries`);
