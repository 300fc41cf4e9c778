// Runs every e2e/tests/*.e2e.mjs against a real `wrangler dev` in a real browser.
// Each test module exports `name` and a default async function ({ browser, baseUrl, newPage, server }).
// A page error or console error fails the test: the app must run without them.
import { readdirSync, mkdirSync } from "node:fs";
import path from "node:path";
import { startServer } from "./server.mjs";
import { launchBrowser } from "./browser.mjs";

const dir = path.join(import.meta.dirname, "tests");
const only = process.argv[2];
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".e2e.mjs") && (!only || f.includes(only)))
  .sort();
const artifacts = path.join(import.meta.dirname, "artifacts");
mkdirSync(artifacts, { recursive: true });

const server = await startServer();
const browser = await launchBrowser();
let failures = 0;
try {
  for (const file of files) {
    const mod = await import(path.join(dir, file));
    const context = await browser.newContext({
      baseURL: server.baseUrl,
      permissions: ["clipboard-read", "clipboard-write"],
    });
    const problems = [];
    const newPage = async () => {
      const page = await context.newPage();
      page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
      page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
      return page;
    };
    const started = Date.now();
    try {
      await mod.default({ browser, context, baseUrl: server.baseUrl, newPage, server });
      if (problems.length) throw new Error(`erreurs dans le navigateur :\n${problems.join("\n")}`);
      console.log(`✓ ${mod.name ?? file} (${Date.now() - started} ms)`);
    } catch (e) {
      failures++;
      console.error(`✗ ${mod.name ?? file}\n  ${e.stack ?? e}`);
      for (const [i, page] of context.pages().entries()) {
        await page.screenshot({ path: path.join(artifacts, `${file}-${i}.png`), fullPage: true }).catch(() => {});
      }
    } finally {
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.stop();
}
if (failures) {
  console.error(`${failures} test(s) de bout en bout en échec`);
  process.exit(1);
}
console.log(`${files.length} test(s) de bout en bout réussis`);
