import { Hono } from "hono";
import type { AppEnv } from "../env";

export const dossiersApprenantsRoutes = new Hono<AppEnv>();
