/**
 * Options shared by the arbitraries of the testing kit: how text looks, which catalog an entity's references are
 * drawn from, and how much sludge to plant.
 */
import type { ReferenceCollection } from "../model/references.js";
import type { Catalog } from "../model/schema.js";

/**
 * How generated ids, names and free text look.
 *
 * - `realistic`: ids like `ssa-retirement` and names like `Apply online`.
 * - `adversarial`: Mermaid keywords as ids (`end`, `graph`, `click`) and as phrases inside longer names
 *   (`Await policy direction TBD`, `click here to style the classDef`), JavaScript property names (`constructor`),
 *   YAML look-alikes (`yes`, `null`, `1e3`), quotes, brackets, markup, newlines, right-to-left text and emoji.
 * - `mixed` (the default): mostly realistic, one value in five adversarial.
 *
 * @example
 * ```ts
 * import { arbCatalog, type TextStyle } from "service-blueprint/testing";
 * const style: TextStyle = "adversarial";
 * arbCatalog({ text: style });
 * ```
 */
export type TextStyle = "realistic" | "mixed" | "adversarial";

/**
 * The lists of a catalog that a generated entity may refer to. Pass a whole {@link Catalog} or only some of its
 * lists; references are drawn from the ids present, and optional references are left out when a list is empty.
 *
 * @example
 * ```ts
 * import { arbStep, type ReferencePool } from "service-blueprint/testing";
 * const within: ReferencePool = { channels: [{ id: "web", name: "Website", kind: "website" }] };
 * arbStep({ within }); // steps whose channel, when set, is "web"
 * ```
 */
export type ReferencePool = Partial<Pick<Catalog, ReferenceCollection>>;

/**
 * The sludge patterns the arbitraries can plant, after the catalogue in the project's domain notes (section 5):
 *
 * | pattern | what is planted |
 * |---|---|
 * | `wetSignature` | a step's `signature` is `wet` |
 * | `notarization` | a step requires notarization |
 * | `paperChannel` | a customer-facing step uses a paper, postal-mail or fax channel |
 * | `inPersonOnly` | every channel of a service is in person |
 * | `digitalOnly` | every channel of a service is digital (no phone or in-person help) |
 * | `longWait` | a step waits 45 to 365 days, or holds the customer 60 to 240 minutes |
 * | `opaqueWait` | a wait with `waitVisibility: opaque` |
 * | `travel` | a step with 15 to 180 minutes of travel |
 * | `lengthyStep` | a customer step taking 61 to 240 minutes of the customer's own effort |
 * | `learningCost` | a customer step spent learning (`activity: learn`) for 25 to 60 minutes |
 * | `fee` | a step with a fee of 5 to 500 dollars |
 * | `duplicateData` | a step asks for a data element an earlier step of the service already asked for |
 * | `repeatedDocuments` | a step asks for a document type an earlier step already asked for |
 * | `repeatedIdentityProofing` | a step proofs identity in person or by knowledge questions, with no shared credential |
 * | `askedForHeld` | a step asks for a data element that an agency already holds |
 * | `deadlineWithoutReminder` | a deadline with a penalty and no reminder step |
 * | `languageGap` | a customer-facing step offered in English only |
 * | `inaccessible` | a customer-facing step marked not accessible |
 * | `deadEnd` | a step that ends the service with a denial and nowhere to go |
 * | `reworkLoop` | a step with a fail point that sends customers back to an earlier step |
 * | `customerCarries` | a life-experience link of kind `customer-carries` (the customer as courier) |
 * | `noFeedback` | a designated service with no feedback collection |
 * | `expiredWaiver` | a waiver that expired (2020 to 2024) |
 *
 * A pattern is planted only where the catalog can express it: `paperChannel` needs a paper channel among the
 * catalog's channels, `customerCarries` a life experience with links, and so on.
 *
 * @example
 * ```ts
 * import { SLUDGE_PATTERNS } from "service-blueprint/testing";
 * SLUDGE_PATTERNS.includes("wetSignature"); // true
 * ```
 */
export const SLUDGE_PATTERNS = [
  "wetSignature",
  "notarization",
  "paperChannel",
  "inPersonOnly",
  "digitalOnly",
  "longWait",
  "opaqueWait",
  "travel",
  "lengthyStep",
  "learningCost",
  "fee",
  "duplicateData",
  "repeatedDocuments",
  "repeatedIdentityProofing",
  "askedForHeld",
  "deadlineWithoutReminder",
  "languageGap",
  "inaccessible",
  "deadEnd",
  "reworkLoop",
  "customerCarries",
  "noFeedback",
  "expiredWaiver",
] as const;

/** One of {@link SLUDGE_PATTERNS}. */
export type SludgePattern = (typeof SLUDGE_PATTERNS)[number];

/**
 * How much sludge to plant, as a level: `none` plants nothing and keeps every value in its clean range (signatures
 * electronic or none, digital and assisted channels side by side, short visible waits, at most an hour of effort
 * and 20 minutes of learning at a step, no fees, each data element asked once); `some` plants each pattern with
 * probability 0.1 wherever it can; `heavy` with probability 0.5.
 *
 * @example
 * ```ts
 * import { arbCatalog, type SludgeLevel } from "service-blueprint/testing";
 * const level: SludgeLevel = "heavy";
 * arbCatalog({ sludge: level });
 * ```
 */
export type SludgeLevel = "none" | "some" | "heavy";

/**
 * How much sludge to plant, pattern by pattern: the probability (0 to 1) that each place able to hold the pattern
 * gets it. Patterns left out are not planted.
 *
 * @example
 * ```ts
 * import { arbCatalog, type SludgeConstraints } from "service-blueprint/testing";
 * const sludge: SludgeConstraints = { wetSignature: 1, longWait: 0.25 };
 * arbCatalog({ sludge }); // every step signed in ink, a quarter of them with a long wait
 * ```
 */
export type SludgeConstraints = { readonly [P in SludgePattern]?: number };

/**
 * Options every entity arbitrary takes.
 *
 * @example
 * ```ts
 * import { arbAgency, type CommonConstraints } from "service-blueprint/testing";
 * const common: CommonConstraints = { text: "realistic" };
 * arbAgency(common);
 * ```
 */
export interface CommonConstraints {
  /** How ids, names and free text look (default `mixed`). */
  readonly text?: TextStyle | undefined;
  /** The catalog lists references are drawn from (default: none, so optional references are left out). */
  readonly within?: ReferencePool | undefined;
}
