/** Import rules of the library: layers point one way, no cycles. See ../STYLE in the docs. */
module.exports = {
  forbidden: [
    { name: "no-circular", severity: "error", from: {}, to: { circular: true } },
    {
      name: "model-is-the-bottom",
      severity: "error",
      from: { path: "^src/model/" },
      to: { path: "^src/(edit|graph|sludge|export|report|cli|testing|import)/" },
    },
    {
      name: "graph-below-sludge",
      severity: "error",
      from: { path: "^src/(edit|graph)/" },
      to: { path: "^src/(sludge|export|report|cli|testing)/" },
    },
    {
      name: "sludge-below-exporters",
      severity: "error",
      from: { path: "^src/sludge/" },
      to: { path: "^src/(export|report|cli|testing)/" },
    },
    {
      name: "nothing-imports-the-cli",
      severity: "error",
      from: { pathNot: "^src/cli/" },
      to: { path: "^src/cli/" },
    },
    {
      name: "testing-kit-stays-small",
      severity: "error",
      from: { path: "^src/testing/" },
      to: { path: "^src/(export|report|cli|import)/" },
    },
    {
      name: "core-never-loads-renderers",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/export/render-svg\\.ts$" },
      to: { path: "node_modules/(mermaid|playwright-core|dompurify|jsdom)/" },
    },
    {
      name: "only-the-testing-kit-loads-fast-check",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/testing/" },
      to: { path: "node_modules/(fast-check|@fast-check)/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    exclude: { path: "^(tests|bench|scripts)/" },
  },
};
