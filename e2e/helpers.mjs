// Shared steps of the browser tests.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
export const DEMO_PASSWORD = "demo-apprentissage";

/** Rows of a SELECT on the e2e server's local D1 (its own state directory). */
export function queryD1(stateDir, sql) {
  const output = execFileSync(
    "npx",
    ["wrangler", "d1", "execute", "DB", "--local", "--persist-to", stateDir, "--json", "--command", sql],
    {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
    },
  );
  return JSON.parse(output.slice(output.indexOf("["))).flatMap((r) => r.results);
}

export async function login(page, email, password = DEMO_PASSWORD) {
  await page.goto("/connexion");
  await page.locator("#email").fill(email);
  await page.locator("#password").fill(password);
  await page.getByRole("button", { name: "Se connecter", exact: true }).click();
  await page.waitForURL((url) => url.pathname !== "/connexion");
}

export async function logout(page) {
  await page.getByRole("button", { name: "Se déconnecter" }).first().click();
  await page.waitForURL((url) => url.pathname === "/");
}

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** Polls `check` (which may throw or return false) until it passes; fails with `message` and the last error. */
export async function until(check, message, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      if ((await check()) !== false) return;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${message}${last ? ` (${last.message})` : ""}`);
}

export const visible = (locator, timeout = 5000) => locator.first().waitFor({ state: "visible", timeout });

/** Waits until the locator's text contains (or, with exact, equals) `expected`. */
export async function hasText(locator, expected, { exact = false, timeoutMs = 5000 } = {}) {
  let actual = "";
  await until(
    async () => {
      actual = ((await locator.first().textContent({ timeout: 500 })) ?? "").replace(/\s+/g, " ").trim();
      return exact ? actual === expected : actual.includes(expected);
    },
    `texte attendu ${exact ? "égal à" : "contenant"} « ${expected} », obtenu « ${actual} »`,
    timeoutMs,
  );
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** axe-core on the page as it is: its serious and critical violations, each with its rule and first nodes. */
export async function axeViolations(page) {
  // evaluate runs outside the page's Content-Security-Policy, unlike an injected <script>.
  await page.evaluate(axeSource);
  return page.evaluate(async () =>
    (await window.axe.run(document, { resultTypes: ["violations"] })).violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map(
        (v) =>
          `${v.id} (${v.impact}) : ${v.help} — ${v.nodes
            .map((n) => n.target.join(" "))
            .slice(0, 3)
            .join(", ")}`,
      ),
  );
}

/** Fails on any serious or critical axe-core violation of the page as it is (`label`: where, in the message). */
export async function accessible(page, label = page.url()) {
  const violations = await axeViolations(page);
  assert(violations.length === 0, `${label} :\n${violations.join("\n")}`);
}
