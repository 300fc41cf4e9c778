import { env } from "cloudflare:test";

export interface CapturedStatement {
  sql: string;
  params: unknown[];
}

/** The D1 binding, recording each statement prepared through it and the values bound to it. */
export function capturingD1(): { db: D1Database; captured: CapturedStatement[] } {
  const captured: CapturedStatement[] = [];
  const db = new Proxy(env.DB, {
    get(target, property) {
      if (property === "prepare")
        return (query: string) => {
          const entry: CapturedStatement = { sql: query, params: [] };
          captured.push(entry);
          const statement = target.prepare(query);
          return new Proxy(statement, {
            get(s, p) {
              if (p === "bind")
                return (...params: unknown[]) => {
                  entry.params = params;
                  return s.bind(...params);
                };
              const value = Reflect.get(s, p, s) as unknown;
              return typeof value === "function" ? value.bind(s) : value;
            },
          });
        };
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { db, captured };
}

/** SQLite's plan of a captured statement (EXPLAIN QUERY PLAN), one step per line. */
export async function queryPlan({ sql, params }: CapturedStatement): Promise<string> {
  const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`)
    .bind(...params)
    .all<{ detail: string }>();
  return results.map((r) => r.detail).join("\n");
}
