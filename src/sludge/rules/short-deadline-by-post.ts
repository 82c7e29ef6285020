import * as z from "zod";
import type { Service, Step } from "../../model/schema.js";
import { defineRule } from "../define-rule.js";
import { amountOption, describeChannel, formatNumber, listIds, stepChannelKind } from "./internal/helpers.js";
import { SOURCES } from "./internal/sources.js";

/** Lanes from which the agency reaches the customer: what the customer sees or receives. */
const NOTICE_LANES = new Set(["frontstage", "physical-evidence"]);

function isNotice(step: Step): boolean {
  return NOTICE_LANES.has(step.lane);
}

/** A service's steps by id, the notices attached to each step, and the notices flowing (not by rework) into each. */
interface NoticeIndex {
  readonly byId: ReadonlyMap<string, Step>;
  readonly attached: ReadonlyMap<string, Step[]>;
  readonly into: ReadonlyMap<string, Step[]>;
}

function noticeIndex(service: Service): NoticeIndex {
  const byId = new Map<string, Step>();
  const attached = new Map<string, Step[]>();
  const into = new Map<string, Step[]>();
  const push = (map: Map<string, Step[]>, key: string, step: Step): void => {
    const list = map.get(key);
    if (list === undefined) map.set(key, [step]);
    else if (!list.includes(step)) list.push(step);
  };
  for (const step of service.steps) {
    if (!byId.has(step.id)) byId.set(step.id, step);
    if (!isNotice(step)) continue;
    if (step.attachedTo !== undefined) push(attached, step.attachedTo, step);
    for (const flow of step.next) if (flow.kind !== "rework") push(into, flow.to, step);
  }
  return { byId, attached, into };
}

/**
 * The agency notices that tell customers of the deadline at `step`: the step itself when it is a notice (a letter
 * stating the deadline), the notices attached to it, its named reminder, and the notices that flow straight into it
 * (the letter right before the reply), each with the notices attached to them.
 */
function deadlineNotices(index: NoticeIndex, step: Step): Step[] {
  const notices: Step[] = [];
  const add = (s: Step | undefined): void => {
    if (s === undefined || !isNotice(s) || notices.includes(s)) return;
    notices.push(s);
  };
  const withAttached = (host: Step): void => {
    add(host);
    for (const s of index.attached.get(host.id) ?? []) add(s);
  };
  withAttached(step);
  if (step.deadline?.reminder !== undefined) add(index.byId.get(step.deadline.reminder));
  for (const s of index.into.get(step.id) ?? []) if (s !== step) withAttached(s);
  return notices;
}

/**
 * Flags a deadline shorter than `maxDays` whose every notice reaches the customer by postal mail only: no e-mail,
 * text, portal message or call tells them of it.
 *
 * @example
 * ```ts
 * import { shortDeadlineByPost } from "service-blueprint";
 * shortDeadlineByPost.meta.id; // "short-deadline-by-post"
 * shortDeadlineByPost.meta.options.parse({}); // { maxDays: 30 }
 * ```
 */
export const shortDeadlineByPost = defineRule({
  meta: {
    id: "short-deadline-by-post",
    title: "Short deadline delivered only by post",
    category: "psychological",
    categories: ["psychological", "compliance", "inclusion"],
    defaultSeverity: "warning",
    recommended: true,
    description:
      "A step has a deadline of fewer than `maxDays` days (`deadline.days`) and every agency notice of it (the step itself when it is a letter, notices attached to it, its reminder, and notices flowing straight into it) goes by postal mail, with no digital or phone notice.",
    rationale:
      "A letter takes days to arrive (First-Class Mail is delivered in one to five days), sits unopened while people work, " +
      "travel or move (disaster survivors are often not at the address at all), and may come back undelivered. A ten-day " +
      "deadline sent by post leaves a few days to find and return proofs, and people lose benefits they are owed for a " +
      "missed letter: procedural churn is the administrative burden Herd and Moynihan describe. Medicaid gives at least " +
      "30 days to return a renewal form; M-23-22 asks agencies to reach people digitally as well.",
    sources: [SOURCES.medicaidRenewal, SOURCES.uspsStandards, SOURCES.herdMoynihan, SOURCES.m2322],
    remediation:
      "Send the notice by e-mail or text as well (or a portal message with an alert), and give at least `maxDays` days from " +
      "the date the letter arrives, not the date printed on it.",
    options: z.strictObject({
      maxDays: amountOption(
        30,
        "Deadlines shorter than this many days are short (default 30: the least time Medicaid gives to return a renewal form, 42 CFR 435.916)",
      ),
    }),
  },
  check(ctx) {
    const { maxDays } = ctx.options;
    for (const service of ctx.catalog.services) {
      let index: NoticeIndex | undefined;
      for (const step of service.steps) {
        const days = step.deadline?.days;
        if (days === undefined || days >= maxDays) continue;
        index ??= noticeIndex(service);
        const notices = deadlineNotices(index, step);
        if (notices.length === 0) continue;
        if (!notices.every((notice) => stepChannelKind(ctx.index, notice) === "postal-mail")) continue;
        const names = notices.map((notice) => notice.id);
        ctx.report({
          target: { service: service.id, step: step.id },
          message:
            `Step '${step.id}' gives ${formatNumber(days)} days (fewer than ${formatNumber(maxDays)}) and its notice reaches customers only by post ` +
            `(${listIds(names)}), with no digital or phone notice`,
          evidence: [
            `step '${step.id}' deadline: ${step.deadline!.description}`,
            `days allowed: ${formatNumber(days)} (threshold ${formatNumber(maxDays)})`,
            ...notices.map((notice) => `notice '${notice.id}' channel: ${describeChannel(ctx.index, notice.channel!)}`),
          ],
        });
      }
    }
  },
});

export default shortDeadlineByPost;
