import "server-only";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";

export const MAX_FAILURES = 10;
export const WINDOW_SECONDS = 60;

/** Throws 429 when the email has had MAX_FAILURES failed sign-ins within the window. */
export async function assertNotThrottled(email: string): Promise<void> {
  const since = new Date(Date.now() - WINDOW_SECONDS * 1000);
  const failures = await prisma().loginFailure.findMany({
    where: { email, createdAt: { gte: since } },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true },
    take: MAX_FAILURES,
  });
  if (failures.length < MAX_FAILURES) return;
  const oldest = failures[0]!.createdAt.getTime();
  const retryAfterSeconds = Math.max(1, Math.ceil((oldest + WINDOW_SECONDS * 1000 - Date.now()) / 1000));
  throw new AppError(
    "rate_limited",
    `Too many failed sign-in attempts. Try again in ${retryAfterSeconds} seconds.`,
    { retryAfterSeconds },
  );
}

export async function recordFailure(email: string): Promise<void> {
  await prisma().loginFailure.create({ data: { email } });
  // Old rows are useless; prune opportunistically so the table stays small.
  if (Math.random() < 0.05) {
    await prisma().loginFailure.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - 3600_000) } } });
  }
}
