import { Hono } from "hono";
import type { AppEnv } from "../env";

export const liveRoutes = new Hono<AppEnv>();
