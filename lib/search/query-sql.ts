import "server-only";
import { prisma } from "@/lib/db/prisma";
import { prismaSql, type Sql } from "@/lib/db/sql";

// Search and analytics run from pages (server components) as well as route handlers, so they
// query through the Prisma client itself: the raw pool behind `sql()` is looked up by client
// identity, which a page's server bundle does not share.
export function querySql(): Sql {
  return prismaSql(prisma());
}
