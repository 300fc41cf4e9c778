import { Hono } from "hono";
import type { AppEnv } from "../env";

export const transmissionRoutes = new Hono<AppEnv>();
