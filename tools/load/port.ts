/** A free loopback port: the preferred one, or any the system gives if it is taken (another run, another server). */
import { createServer } from "node:net";

const listenOn = (port: number) =>
  new Promise<number | null>((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(null));
    server.listen(port, "127.0.0.1", () => {
      const { port: bound } = server.address() as { port: number };
      server.close(() => resolve(bound));
    });
  });

export async function freePort(preferred: number): Promise<number> {
  const port = (await listenOn(preferred)) ?? (await listenOn(0));
  if (port === null) throw new Error("aucun port libre sur 127.0.0.1");
  return port;
}
