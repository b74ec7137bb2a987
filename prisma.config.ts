import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

// Generating the client and diffing schemas only need *a* URL to resolve env("DATABASE_URL") in
// the schema; commands that touch the database (migrate deploy) always get the real one.
const databaseUrl = process.env.DATABASE_URL;
process.env.DATABASE_URL ??= "postgresql://localhost:5432/placeholder";

// The JS schema engine works offline (no native engine download). With no real URL there is no
// adapter, so offline-only commands (generate, migrate diff) never try to connect.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  ...(databaseUrl ? { adapter: async () => new PrismaPg({ connectionString: databaseUrl }) } : {}),
});
