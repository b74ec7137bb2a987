import { spanAgreement, type Span } from "@/lib/agreement/span-agreement";
const mk = (n: number): Span[] => Array.from({ length: n }, () => ({ type: "CLAIM", start: 100, end: 200 }));
const n = Number(process.argv[2]);
const a = mk(n), b = mk(n);
const reps = Number(process.argv[3]);
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const t = cpu();
for (let r = 0; r < reps; r++) spanAgreement(a, b, "overlap");
console.log(((cpu() - t) / reps).toFixed(2));
