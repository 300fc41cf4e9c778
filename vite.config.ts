import { defineConfig } from "vite";
import solid from "vite-plugin-solid";
import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";

/** Serves the interactive API documentation's assets ourselves (no CDN): swagger-ui-dist → dist/client/swagger-ui. */
function swaggerUiAssets() {
  return {
    name: "swagger-ui-assets",
    closeBundle() {
      const from = path.resolve("node_modules/swagger-ui-dist");
      const to = path.resolve("dist/client/swagger-ui");
      mkdirSync(to, { recursive: true });
      for (const file of ["swagger-ui.css", "swagger-ui-bundle.js"])
        copyFileSync(path.join(from, file), path.join(to, file));
    },
  };
}

// Builds the SPA into dist/client, which wrangler serves as static assets.
// `npm run dev:ui` serves it with hot reload and forwards the API to `wrangler dev` on :8787.
export default defineConfig({
  root: "web",
  plugins: [solid(), swaggerUiAssets()],
  // DSFR ships a few media queries LightningCSS rejects; keep them as they are.
  css: { lightningcss: { errorRecovery: true } },
  build: { outDir: "../dist/client", emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: {
    proxy: {
      "/api": { target: "http://localhost:8787", ws: true, changeOrigin: false },
      "/connexion-api": "http://localhost:8787",
    },
  },
});
