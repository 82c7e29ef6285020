// yaml's `log` module as its Node build has it, for the bundled copy of yaml's ES module build (see tsup.config.ts):
// that build warns with `console.warn`, the Node build with `process.emitWarning`, which is what the CLI has
// always written to stderr (`(node:PID) Warning: ...`). In a browser, where there is no `process`, it is
// `console.warn` as in yaml's own browser build.
export function debug(logLevel, ...messages) {
  if (logLevel === "debug") console.log(...messages);
}

export function warn(logLevel, warning) {
  if (logLevel === "debug" || logLevel === "warn") {
    if (typeof process !== "undefined" && typeof process.emitWarning === "function") process.emitWarning(warning);
    else console.warn(warning);
  }
}
