import "server-only";
import { prisma } from "@/lib/db/prisma";

/** True when PostgreSQL answers a trivial query within the timeout. */
export async function isDatabaseUp(timeoutMs = 2000): Promise<boolean> {
  const query = prisma().$queryRaw`SELECT 1`.then(() => true, () => false);
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs));
  return Promise.race([query, timeout]);
}
