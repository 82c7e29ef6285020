/**
 * Public types of the Mermaid exporter: the view, the options, the result and the error.
 */
import type { Lane } from "../../model/vocabulary.js";
import type { Finding } from "./overlay.js";
import { ServiceBlueprintError } from "../../internal/error.js";

/**
 * Which diagram to draw. Ids are catalog ids.
 *
 * - `blueprint`: the service blueprint of one service (lanes, lines, moments, flows);
 * - `life-experience`: the services of a life experience in time order, one node each, with typed hand-offs and
 *   the time to outcome (or, with the `detailed` option, every step of every service, grouped by agency);
 * - `journey`: a Mermaid `journey` of the customer's steps of one service, scored from A-11 feedback.
 *
 * @example
 * ```ts
 * import type { MermaidView } from "service-blueprint";
 * const view: MermaidView = { view: "blueprint", service: "ssa-retirement" };
 * ```
 */
export type MermaidView =
  | { readonly view: "blueprint"; readonly service: string }
  | { readonly view: "life-experience"; readonly experience: string }
  | { readonly view: "journey"; readonly service: string };

/**
 * Options of {@link toMermaid}. Every field is optional.
 *
 * @example
 * ```ts
 * import type { MermaidOptions } from "service-blueprint";
 * const options: MermaidOptions = { lanes: ["customer", "frontstage"], maxEdges: 300, findings: [] };
 * ```
 */
export interface MermaidOptions {
  /**
   * Sludge findings (from `lintCatalog`) to highlight, by severity, with a legend. A frozen list, as `lintCatalog`
   * returns, is grouped once and the grouping reused by every later call with the same list (exporting every view
   * of a large catalog stays linear); a list that is not frozen is grouped on each call.
   */
  readonly findings?: readonly Finding[] | undefined;
  /** Highlight waived findings too (default `false`: a waived finding is an accepted friction). */
  readonly includeWaived?: boolean | undefined;
  /**
   * Keep only steps of these agencies (agency ids). A step's agency is its role's agency, else its channel's,
   * else its service's. Flows through hidden steps are drawn as dotted "via" edges.
   */
  readonly agencies?: readonly string[] | undefined;
  /** Keep only steps in these lanes. */
  readonly lanes?: readonly Lane[] | undefined;
  /** Keep only steps on these channels: channel ids, channel kinds (`website`) or groups (`in-person`). */
  readonly channels?: readonly string[] | undefined;
  /**
   * Life experience: draw the detailed graph (every shown step of every service, inside its service and agency,
   * and the hand-offs between steps) instead of the overview. Default `false`, or `true` when `collapse` is given.
   *
   * The overview, the default, draws one node per service, left to right in time order (a service after those
   * whose hand-offs lead into it), each with its agency, its steps, the customer's time and the time to outcome
   * (expected, and up to the critical path's, from `analyzeService`), the typed hand-offs between them, and the
   * end-to-end time to outcome (from `analyzeLifeExperience`).
   *
   * @example
   * ```ts
   * import { toMermaid } from "service-blueprint";
   * const { diagrams } = toMermaid(catalog, { view: "life-experience", experience: "retire" }, { detailed: true });
   * ```
   */
  readonly detailed?: boolean | undefined;
  /** Life experience, detailed graph: draw these services (ids) as one node each, or `"all"`. */
  readonly collapse?: readonly string[] | "all" | undefined;
  /** Show step details (channel, role, time, waits, fail points) under each name. Default `true`. */
  readonly details?: boolean | undefined;
  /**
   * Blueprint layout: `flowchart` (default; renders in every Mermaid 11) or `swimlane` (Mermaid's
   * `swimlane-beta` diagram, where the installed Mermaid has it: 11.17 and later).
   */
  readonly layout?: "flowchart" | "swimlane" | undefined;
  /** Draw a title above the diagram (frontmatter `title`). Default `true`. */
  readonly title?: boolean | undefined;
  /**
   * The most edges one diagram may have (Mermaid refuses more than its `maxEdges`, 500 by default). Larger
   * views are split into linked diagrams. Default 500; at least 20.
   */
  readonly maxEdges?: number | undefined;
  /**
   * The longest text one diagram may have (Mermaid silently draws an error picture past its `maxTextSize`,
   * 50,000 by default). Default 50,000; at least 2,000.
   */
  readonly maxTextSize?: number | undefined;
  /**
   * Blueprint: the most columns of steps one part may hold. A column is a moment in time (a step and the steps
   * attached to it; a moment whose steps flow into each other takes two). A wider blueprint is split along its
   * moments into parts of even width, linked by "continued" stubs, so that each part reads at 100%. Default 3
   * (about 2,400 px wide); at least 1.
   *
   * @example
   * ```ts
   * import { toMermaid } from "service-blueprint";
   * // Three columns a part, for a narrow page; the warnings say how many parts were drawn.
   * const { diagrams } = toMermaid(catalog, { view: "blueprint", service: "fema-individual-assistance" }, { maxColumns: 3 });
   * ```
   */
  readonly maxColumns?: number | undefined;
  /** The longest name or detail in a label, in characters; longer ones end with "…". Default 120. */
  readonly maxLabelLength?: number | undefined;
  /**
   * Journey: the score of the placeholder task drawn when the filters leave no task (1 to 5). Default 3. Tasks
   * without A-11 feedback of their own are scored from their effort (see docs/diagrams.md).
   */
  readonly defaultScore?: number | undefined;
}

/**
 * One Mermaid diagram of a result.
 *
 * @example
 * ```ts
 * import { toMermaid } from "service-blueprint";
 * const [first] = toMermaid(catalog, { view: "journey", service: "ssa-retirement" }).diagrams;
 * console.log(`## ${first.title}\n\n\`\`\`mermaid\n${first.text}\`\`\``);
 * ```
 */
export interface MermaidDiagram {
  /** A stable id for the diagram (for file names and links between split parts). */
  readonly id: string;
  /** A human title. */
  readonly title: string;
  /** The Mermaid text. */
  readonly text: string;
  /** The number of edges Mermaid will count (0 for a journey). */
  readonly edges: number;
}

/**
 * Codes of {@link MermaidWarning}.
 *
 * @example
 * ```ts
 * import { toMermaid, type MermaidWarningCode } from "service-blueprint";
 * const codes: MermaidWarningCode[] = toMermaid(catalog, view).warnings.map((w) => w.code);
 * if (codes.includes("split")) console.log("the view was split into parts");
 * ```
 */
export type MermaidWarningCode =
  /** The view was split into several diagrams to stay within the budgets. */
  | "split"
  /** Detail was left out (step details, or services collapsed) to stay within the budgets. */
  | "collapsed"
  /** Filters or the budget left some steps out. */
  | "filtered"
  /** A finding names a step or service the diagram does not show. */
  | "finding_not_shown"
  /** Journey tasks without A-11 feedback were given the default score. */
  | "no_feedback"
  /** The option does not apply to this view and was ignored. */
  | "option_ignored";

/**
 * Something the caller should know about a result: a split, left-out detail, an ignored option.
 *
 * @example
 * ```ts
 * import type { MermaidWarning } from "service-blueprint";
 * const warning: MermaidWarning = { code: "split", message: "split into 3 diagrams" };
 * ```
 */
export interface MermaidWarning {
  readonly code: MermaidWarningCode;
  readonly message: string;
}

/**
 * The result of {@link toMermaid}: one diagram, or several when the view had to be split, and warnings.
 *
 * @example
 * ```ts
 * import { toMermaid } from "service-blueprint";
 * const { diagrams, warnings } = toMermaid(catalog, { view: "blueprint", service: "ssa-retirement" });
 * for (const w of warnings) console.warn(w.message);
 * ```
 */
export interface MermaidResult {
  readonly diagrams: readonly MermaidDiagram[];
  readonly warnings: readonly MermaidWarning[];
}

/**
 * Codes of {@link MermaidExportError}.
 *
 * @example
 * ```ts
 * import { MermaidExportError, type MermaidExportErrorCode } from "service-blueprint";
 * const retryable: MermaidExportErrorCode[] = ["budget_too_small"];
 * ```
 */
export type MermaidExportErrorCode =
  | "unknown_service"
  | "unknown_experience"
  | "invalid_view"
  | "invalid_option"
  /** The budgets are too small for even one step. */
  | "budget_too_small";

/**
 * Thrown by {@link toMermaid} for a view or option it cannot honour. `path` names the place (`view.service`,
 * `options.lanes[1]`) and `hint` how to fix it.
 *
 * @example
 * ```ts
 * import { toMermaid, MermaidExportError } from "service-blueprint";
 * try {
 *   toMermaid(catalog, { view: "blueprint", service: "ssa-retirment" });
 * } catch (error) {
 *   if (error instanceof MermaidExportError) console.error(error.path, error.hint); // view.service did you mean ...
 * }
 * ```
 */
export class MermaidExportError extends ServiceBlueprintError {
  /** What went wrong. */
  readonly code: MermaidExportErrorCode;
  /** Where: `view.service`, `options.maxEdges`, ... */
  readonly path: string;
  /** How to fix it, where that can be told. */
  readonly hint?: string;

  constructor(code: MermaidExportErrorCode, path: string, message: string, hint?: string) {
    super(`${path}: ${message}${hint ? ` (${hint})` : ""}`);
    this.name = "MermaidExportError";
    this.code = code;
    this.path = path;
    if (hint !== undefined) this.hint = hint;
  }
}
