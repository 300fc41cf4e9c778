import { Hono } from "hono";
import type { AppEnv } from "../env";

export const referentielRoutes = new Hono<AppEnv>();
