import { defineConfig } from "vite";
import solid from "vite-plugin-solid";

// Builds the SPA into dist/client, which wrangler serves as static assets.
// `npm run dev:ui` serves it with hot reload and forwards the API to `wrangler dev` on :8787.
export default defineConfig({
  root: "web",
  plugins: [solid()],
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
