/**
 * The one node:crypto function the Worker uses (nodejs_compat, wrangler.toml): a synchronous SHA-256, for the
 * ingestion's deterministic ids (worker/ingestion/push.ts). Declared here rather than with all of @types/node.
 */
declare module "node:crypto" {
  export function createHash(algorithm: "sha256"): {
    update(data: string): { digest(encoding: "hex"): string };
  };
}
