import path from "node:path";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";
import { FAKE_BREVO_KEY, startFakeBrevo } from "./tools/test-servers/fake-brevo";

export default defineConfig(async () => {
  const migrations = await readD1Migrations(path.join(import.meta.dirname, "db/migrations"));
  const brevo = await startFakeBrevo();
  return {
    plugins: [
      cloudflareTest({
        wrangler: { configPath: "./wrangler.toml" },
        miniflare: {
          bindings: {
            TEST_MIGRATIONS: migrations,
            APP_ORIGIN: "http://localhost:8787",
            EMAIL_MODE: "silent",
            MAIL_API_URL: brevo.url,
            BREVO_API_KEY: FAKE_BREVO_KEY,
          },
        },
      }),
    ],
    test: {
      include: ["test/**/*.test.ts"],
      setupFiles: ["./test/apply-migrations.ts"],
    },
  };
});
