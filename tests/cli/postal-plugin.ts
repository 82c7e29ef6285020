/**
 * A plugin of one custom rule, as a user writes it, for the config-file tests.
 */
/**
 * The source of a plugin module: one rule, `postal-step`, made with the defineRule of `library` (a file URL: the
 * sources for the command line run in-process, the built package for the binary), its options checked by a plain
 * validator.
 */
export function postalPlugin(library: string): string {
  return `import { defineRule } from ${JSON.stringify(library)};
export default defineRule({
  meta: {
    id: "postal-step", title: "Postal step", category: "compliance", categories: ["compliance"],
    defaultSeverity: "warning", recommended: true,
    description: "A step goes by post.", rationale: "Post is slow.", sources: [], remediation: "Offer an online channel.",
    options: (input) => {
      const { kinds = ["postal-mail"], ...rest } = input ?? {};
      const extra = Object.keys(rest)[0];
      if (extra !== undefined) return { issues: [{ message: "unknown option '" + extra + "'" }] };
      return Array.isArray(kinds) ? { value: { kinds } } : { issues: [{ message: "a list of channel kinds", path: ["kinds"] }] };
    },
  },
  check(ctx) {
    for (const service of ctx.catalog.services)
      for (const step of service.steps) {
        const kind = step.channel === undefined ? undefined : ctx.index.channels.get(step.channel)?.kind;
        if (kind !== undefined && ctx.options.kinds.includes(kind)) ctx.report({ target: { service: service.id, step: step.id }, message: "'" + step.id + "' goes by post" });
      }
  },
});
`;
}
