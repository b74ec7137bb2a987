import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

// `prisma generate` only needs *a* URL to resolve env("DATABASE_URL") in the schema (it never
// connects); migrate commands are always run with the real one (lib/db/migrate.ts,
// scripts/new-migration.ts).
process.env.DATABASE_URL ??= "postgresql://localhost:5432/placeholder";

// The JS schema engine works offline: no native engine is downloaded.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL! }),
});
