// bench:annotator-server: how much of the annotator page's server time is PostgreSQL, measured with
// the page's own database reads and nothing else, on the same database in the same run: the
// session's user, then the caller's project access and the page's data side by side, as a page
// request makes them (one statement each, through the app's pool: the round trips the page waits for).
import { median } from "./median";

export type PageDbShare = { userMs: number; accessAndRowsMs: number; totalMs: number };

export async function measurePageDbShare(email: string, projectId: string, documentId: string, runs: number): Promise<PageDbShare> {
  const { prisma } = await import("../../lib/db/prisma");
  const { userForSession } = await import("../../lib/auth/session-user");
  const { projectAccessRow } = await import("../../lib/auth/project-access");
  const { annotatorPageRows } = await import("../../lib/annotator/annotator-page-rows");
  const user = await prisma().user.findUniqueOrThrow({ where: { email }, select: { id: true, sessionVersion: true } });
  const userTimes: number[] = [];
  const both: number[] = [];
  const total: number[] = [];
  for (let i = 0; i < runs + 5; i++) {
    const started = performance.now();
    if (!(await userForSession({ id: user.id, sv: user.sessionVersion }))) throw new Error("the bench user's session did not resolve");
    const afterUser = performance.now();
    const [access, rows] = await Promise.all([projectAccessRow(user.id, projectId), annotatorPageRows(documentId, user.id)]);
    if (!access || !rows) throw new Error("the page's reads found no project or document");
    const done = performance.now();
    if (i < 5) continue; // warm-up: statements prepared on the pool's connections
    userTimes.push(afterUser - started);
    both.push(done - afterUser);
    total.push(done - started);
  }
  return { userMs: median(userTimes), accessAndRowsMs: median(both), totalMs: median(total) };
}
