import { Hono } from "hono";
import type { AppEnv } from "../env";

export const organismesRoutes = new Hono<AppEnv>();
