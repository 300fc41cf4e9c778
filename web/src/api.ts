/** The JSON API client: every error becomes an ApiClientError carrying the server's French message. */
export class ApiClientError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    message: string,
    readonly body: unknown,
  ) {
    super(message);
  }
}

let sessionPerdue: () => void = () => {};

/** Called on every 401: the session ended (expired, logged out elsewhere); the app reads it again (session.tsx). */
export function onSessionPerdue(handler: () => void): void {
  sessionPerdue = handler;
}

export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? (init.body === undefined ? "GET" : "POST"),
      headers: init.body === undefined ? undefined : { "Content-Type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: "same-origin",
    });
  } catch {
    throw new ApiClientError(
      0,
      "Network Error",
      "Le serveur est injoignable. Vérifiez votre connexion et réessayez.",
      null,
    );
  }
  const body = response.headers.get("Content-Type")?.includes("application/json") ? await response.json() : null;
  if (!response.ok) {
    if (response.status === 401) sessionPerdue();
    const { error = "Error", message = "Une erreur est survenue." } = (body ?? {}) as {
      error?: string;
      message?: string;
    };
    throw new ApiClientError(response.status, error, message, body);
  }
  return body as T;
}

export const errorMessage = (e: unknown) => (e instanceof Error ? e.message : "Une erreur est survenue.");
