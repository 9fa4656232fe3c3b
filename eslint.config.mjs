import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", "node_modules/**", ".data/**", "test-results/**", "playwright-report/**", "db/migrations/**", "next-env.d.ts"],
  },
  {
    // app/ and components/ reach the database only through lib/data (the one door).
    files: ["app/**", "components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/db", "@/db/*", "drizzle-orm", "drizzle-orm/*", "postgres"],
              message: "Pages and components read data through lib/data, never db/ directly.",
            },
          ],
        },
      ],
    },
  },
  {
    // components/ui are primitives without data or domain imports.
    files: ["components/ui/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/lib/data*", "@/lib/data/*", "@/db*"], message: "UI primitives take props only." }] }],
    },
  },
];

export default config;
