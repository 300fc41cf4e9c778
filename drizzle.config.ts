// drizzle-kit writes the D1 migrations from db/schema.ts into wrangler's `migrations_dir` (wrangler.toml), where
// `wrangler d1 migrations apply` and the tests' `readD1Migrations` read the .sql files; drizzle-kit's own
// bookkeeping (meta/_journal.json and the latest snapshot) lives in db/migrations/meta/, which wrangler ignores.
// `npm run db:generate` after changing the schema; `npm run db:check` (CI) fails when they have drifted.
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "sqlite",
  schema: "./db/schema.ts",
  out: "./db/migrations",
  breakpoints: true,
});
