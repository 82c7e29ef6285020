/**
 * The built-in sludge rules: one file per rule, named after its id. `builtinRules` lists them statically, sorted by
 * id, so the engine and the documentation see the same catalogue in the same order. The public entry exports each
 * rule from its own file.
 */
import type { Rule } from "../define-rule.js";
import { accessUndeclared } from "./access-undeclared.js";
import { accessibilityGap } from "./accessibility-gap.js";
import { askedForHeldData } from "./asked-for-held-data.js";
import { assumedEvidence } from "./assumed-evidence.js";
import { autoEnrolmentPossible } from "./auto-enrolment-possible.js";
import { customerAsCourier } from "./customer-as-courier.js";
import { deadEnd } from "./dead-end.js";
import { deadlineWithoutReminder } from "./deadline-without-reminder.js";
import { digitalOnly } from "./digital-only.js";
import { duplicateDataRequest } from "./duplicate-data-request.js";
import { fee } from "./fee.js";
import { feedbackQuartersMissing } from "./feedback-quarters-missing.js";
import { inPersonOnly } from "./in-person-only.js";
import { languageGap } from "./language-gap.js";
import { learningCost } from "./learning-cost.js";
import { lengthyStep } from "./lengthy-step.js";
import { longTimeToOutcome } from "./long-time-to-outcome.js";
import { longWait } from "./long-wait.js";
import { linkOverVolume } from "./link-over-volume.js";
import { lostCustomers } from "./lost-customers.js";
import { missingAnnualVolume } from "./missing-annual-volume.js";
import { missingChannel } from "./missing-channel.js";
import { noFeedbackPoint } from "./no-feedback-point.js";
import { notarization } from "./notarization.js";
import { opaqueWait } from "./opaque-wait.js";
import { paperChannel } from "./paper-channel.js";
import { repeatedDocuments } from "./repeated-documents.js";
import { repeatedIdentityProofing } from "./repeated-identity-proofing.js";
import { repeatedVerification } from "./repeated-verification.js";
import { reworkLoop } from "./rework-loop.js";
import { shortDeadlineByPost } from "./short-deadline-by-post.js";
import { travelRequired } from "./travel-required.js";
import { wetSignature } from "./wet-signature.js";


/**
 * Every built-in rule, sorted by id. Presets pick from this list; a configuration names rules by their ids.
 *
 * @example
 * ```ts
 * import { builtinRules } from "service-blueprint";
 * builtinRules.map((rule) => rule.meta.id); // ["accessibility-gap", "asked-for-held-data", ...]
 * builtinRules.filter((rule) => rule.meta.category === "a11").length; // 2
 * ```
 */
export const builtinRules: readonly Rule[] = Object.freeze([
  accessUndeclared as Rule,
  accessibilityGap as Rule,
  askedForHeldData as Rule,
  assumedEvidence as Rule,
  autoEnrolmentPossible as Rule,
  customerAsCourier as Rule,
  deadEnd as Rule,
  deadlineWithoutReminder as Rule,
  digitalOnly as Rule,
  duplicateDataRequest as Rule,
  fee as Rule,
  feedbackQuartersMissing as Rule,
  inPersonOnly as Rule,
  languageGap as Rule,
  learningCost as Rule,
  lengthyStep as Rule,
  linkOverVolume as Rule,
  longTimeToOutcome as Rule,
  longWait as Rule,
  lostCustomers as Rule,
  missingAnnualVolume as Rule,
  missingChannel as Rule,
  noFeedbackPoint as Rule,
  notarization as Rule,
  opaqueWait as Rule,
  paperChannel as Rule,
  repeatedDocuments as Rule,
  repeatedIdentityProofing as Rule,
  repeatedVerification as Rule,
  reworkLoop as Rule,
  shortDeadlineByPost as Rule,
  travelRequired as Rule,
  wetSignature as Rule,
]);
