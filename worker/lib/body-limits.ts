/**
 * The limits of every API body, checked before any route reads it: its size (413 past 10 Mo) and, since every
 * body of the API is JSON, its nesting (400 past 16 levels).
 */
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { MAX_BODY_BYTES, MAX_JSON_DEPTH, payloadTooLarge, type ApiError } from "./errors";
import { jsonDepth } from "./json-depth";

/**
 * The body is read here, counted on the stream whatever the headers say; a declared Content-Length past the limit
 * is refused before reading. A refused body is never left half read: `wrangler dev`'s proxy, which streams it to
 * the Worker, loses the connection when the Worker stops reading before the end (500 or reset instead of our 413).
 * Left untouched the runtime drains it itself; once started, it is read to its end and dropped.
 */
export const limitBody = createMiddleware<AppEnv>(async (c, next) => {
  const body = c.req.raw.body;
  if (!body) return next();
  if (Number(c.req.header("Content-Length")) > MAX_BODY_BYTES) throw payloadTooLarge();
  const bytes = await readAtMost(body, MAX_BODY_BYTES);
  if (!bytes) throw payloadTooLarge();
  c.req.raw = new Request(c.req.raw, { body: bytes });
  await next();
});

/**
 * Refuses, with the route's own 400, a body nested deeper than MAX_JSON_DEPTH, before anything parses it. Hono
 * keeps the text: the route's c.req.json() or c.req.text() does not read the body again.
 */
export const limitNesting = (tooDeep: () => ApiError) =>
  createMiddleware<AppEnv>(async (c, next) => {
    if (c.req.raw.body && jsonDepth(await c.req.text(), MAX_JSON_DEPTH) > MAX_JSON_DEPTH) throw tooDeep();
    await next();
  });

/** The body's bytes, or null once they pass `max` (the rest is then read and dropped, never kept). */
async function readAtMost(body: ReadableStream<Uint8Array>, max: number): Promise<Uint8Array | null> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await drain(reader);
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** Reads what is left and drops it; a client gone meanwhile leaves nobody to answer, which is no error of ours. */
async function drain(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
  try {
    while (!(await reader.read()).done);
  } catch {}
}
