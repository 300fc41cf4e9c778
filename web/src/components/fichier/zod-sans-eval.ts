/**
 * The app's Content-Security-Policy forbids eval: zod would probe it with Function("") when the dossier schema is
 * built, and the browser would report a CSP violation. Imported first, before any zod schema is created.
 */
import { config } from "zod/v4/core";

config({ jitless: true });
