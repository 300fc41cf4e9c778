import type { Env } from "../env";

export async function revokeStaleApiKeys(_env: Env): Promise<void> {}
