// One linter for the whole tree (worker, Durable Objects, web app, tools, tests), as Cloudflare's templates ship it;
// formatting is Prettier's job (eslint-config-prettier turns off the rules that would fight it).
import eslint from "@eslint/js";
import prettier from "eslint-config-prettier";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      ".cache/",
      "dist/",
      ".wrangler/",
      "node_modules/",
      "e2e/artifacts/",
      "bench/out/",
      "worker-configuration.d.ts",
    ],
  },
  eslint.configs.recommended,
  tseslint.configs.recommended,
  prettier,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node, ...globals.worker },
    },
    rules: {
      "no-empty": ["error", { allowEmptyCatch: true }],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
    },
  },
  // Solid's refs (`let el!: HTMLElement` then `ref={el}`) are assigned by the compiler.
  { files: ["web/**/*.tsx"], rules: { "no-unassigned-vars": "off" } },
  { files: ["web/public/swagger-ui/*.js"], languageOptions: { globals: { SwaggerUIBundle: "readonly" } } },
);
