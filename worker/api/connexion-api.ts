import { Hono } from "hono";
import type { AppEnv } from "../env";

export const connexionApiRoutes = new Hono<AppEnv>();
