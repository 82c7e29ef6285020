/**
 * The shared body of the three repeated-ask rules (duplicate-data-request, repeated-documents,
 * repeated-identity-proofing): one finding per step that asks an item again of customers who were asked it earlier
 * on their path (in one service, or in another service of a life experience), read from the flow model of the graph
 * analyses. The finding's customers are those who meet both asks, never more than the step's or the experience's.
 *
 * @internal
 */
import { experiencePeople } from "../../internal/reach.js";
import type { RuleContext, SludgeRepeatedAsk } from "../../types.js";
import { agencyLabel, formatNumber, formatPercent, listIds } from "./helpers.js";

/** How the finding names the item and how to fix it. @internal */
export interface RepeatedAskWording {
  /** The item's noun: `data element`, `document`, `identity check`. */
  readonly noun: string;
  /** Overrides the rule's remediation, when given. */
  readonly remediation: string | undefined;
}

type Repeat = SludgeRepeatedAsk["repeats"][number];

function subject(ask: SludgeRepeatedAsk, noun: string): string {
  const capital = noun.charAt(0).toUpperCase() + noun.slice(1);
  return ask.kind === "identity" ? capital : `${capital} '${ask.item}'`;
}

/** `12,000 customers a year (60% of ...)`, or the share alone when the volume is unknown. */
function customersText(customers: number | undefined, share: number, of: string): string {
  const percent = `${formatPercent(share)} of ${of}`;
  return customers === undefined ? percent : `${Math.round(customers).toLocaleString("en-US")} customers a year (${percent})`;
}

function firstText(repeat: Repeat, qualify: boolean): string {
  const name = (a: Repeat["first"][number]): string => (qualify ? `'${a.service}/${a.step}'` : `'${a.step}'`);
  const [head, ...rest] = repeat.first;
  if (rest.length === 0) return `step ${name(head!)}`;
  return `step ${name(head!)} (or ${rest.length === 1 ? name(rest[0]!) : `${rest.length} other steps`} on exclusive branches)`;
}

/**
 * Reports the repeated asks of one kind. Each repeat costs `minutesPerRepeat` to the customers who meet it and an
 * earlier ask: the repeat's share × the service's annual volume (path), or × the people entering the experience.
 *
 * @internal
 */
export function reportRepeatedAsks(
  ctx: RuleContext<unknown>,
  kind: SludgeRepeatedAsk["kind"],
  scopes: readonly ("path" | "experience")[],
  minutesPerRepeat: number,
  wording: RepeatedAskWording,
): void {
  const remediation = wording.remediation === undefined ? {} : { remediation: wording.remediation };
  if (scopes.includes("path")) {
    for (const service of ctx.catalog.services) {
      const volume = service.occasion.annualVolume;
      for (const ask of ctx.analysis.service(service.id).repeatedAsks) {
        if (ask.kind !== kind || ask.scope !== "path") continue;
        for (const repeat of ask.repeats) {
          if (repeat.shared) continue;
          const customers = volume === undefined ? undefined : volume * repeat.share;
          ctx.report({
            target: { service: service.id, step: repeat.step.step },
            message:
              `${subject(ask, wording.noun)} is asked again at step '${repeat.step.step}' of service '${service.id}' after ${firstText(repeat, false)}: ` +
              `${customersText(customers, repeat.share, "its customers")} meet both asks`,
            evidence: [
              `first asked at ${listIds(repeat.first.map((a) => a.step), 10)} (flow order)`,
              `asked again at step '${repeat.step.step}'`,
              `share of the service's customers who meet both: ${formatNumber(repeat.share)}`,
            ],
            minutes: minutesPerRepeat,
            key: `${kind}:${ask.item}`,
            customersPerYear: customers ?? 0,
            ...remediation,
          });
        }
      }
    }
  }
  if (scopes.includes("experience")) {
    for (const experience of ctx.catalog.lifeExperiences) {
      let people: number | undefined;
      for (const ask of ctx.analysis.experience(experience.id).repeatedAsks) {
        if (ask.kind !== kind || ask.scope !== "experience") continue;
        for (const group of byService(ask.repeats.filter((r) => !r.shared))) {
          people ??= experiencePeople(ctx.index, experience);
          const customers = people > 0 ? people * group.share : undefined;
          const agencies: string[] = [];
          for (const a of [...group.first, group.steps[0]!]) {
            const label = agencyLabel(ctx.index, a.agency);
            if (!agencies.includes(label)) agencies.push(label);
          }
          const service = group.steps[0]!.service;
          const at = group.steps.length === 1 ? `'${service}/${group.steps[0]!.step}'` : `service '${service}' (steps ${listIds(group.steps.map((a) => a.step))})`;
          const sharedText =
            group.links.length > 0 ? `; link ${listIds(group.links)} shares it, but the service still asks the customer` : " without being shared";
          const firsts = group.first.map((a) => `'${a.service}/${a.step}'`);
          const after = firsts.length === 1 ? `step ${firsts[0]}` : `step ${firsts[0]} (or ${firsts.length - 1 === 1 ? firsts[1] : `${firsts.length - 1} other steps`} on exclusive branches)`;
          const evidence = group.first.map((a) => `first asked at service '${a.service}' step '${a.step}' (${agencyLabel(ctx.index, a.agency)})`);
          for (const repeat of group.steps) evidence.push(`asked again at service '${repeat.service}' step '${repeat.step}' (${agencyLabel(ctx.index, repeat.agency)})`);
          evidence.push(`share of the experience's people who meet both: ${formatNumber(group.share)}`);
          if (group.links.length > 0) evidence.push(`shared by link ${listIds(group.links)} but asked again`);
          ctx.report({
            target: { experience: experience.id },
            message:
              `${subject(ask, wording.noun)} is asked again at ${at} after ${after} in life experience '${experience.id}' ` +
              `(${agencies.join(", ")})${sharedText}: ${customersText(customers, group.share, "the people entering it")} meet both asks`,
            evidence,
            minutes: minutesPerRepeat,
            key: `${kind}:${ask.item}:${service}`,
            customersPerYear: customers ?? 0,
            ...(group.links.length > 0
              ? {
                  remediation: `Link ${listIds(group.links)} already passes it: pre-fill the service's steps from the link (drop it from their asks) instead of asking the customer again.`,
                }
              : remediation),
          });
        }
      }
    }
  }
}

/** The repeats of one item in one receiving service: a person meets at most one of them (see the flow model). */
interface ServiceRepeats {
  readonly steps: Repeat["step"][];
  readonly first: Repeat["first"][number][];
  readonly links: string[];
  share: number;
}

/** Groups an item's repeats by the service that asks again, in the order they come. */
function byService(repeats: readonly Repeat[]): ServiceRepeats[] {
  const groups = new Map<string, ServiceRepeats>();
  for (const repeat of repeats) {
    let group = groups.get(repeat.step.service);
    if (group === undefined) {
      group = { steps: [], first: [], links: [], share: 0 };
      groups.set(repeat.step.service, group);
    }
    group.steps.push(repeat.step);
    group.share = Math.min(1, group.share + repeat.share);
    for (const a of repeat.first) if (!group.first.some((b) => b.service === a.service && b.step === a.step)) group.first.push(a);
    for (const id of repeat.links) if (!group.links.includes(id)) group.links.push(id);
  }
  return [...groups.values()];
}
