import { describe, expect, it } from "vitest";
import { parseCatalog, type CatalogInput } from "../../src/index.js";
import { toMermaid } from "../../src/export/mermaid/index.js";
import { feedbackScore } from "../../src/export/mermaid/journey.js";
import { readMermaid, type JourneyContent } from "../helpers/mermaid-parse.js";
import { retirementCatalog, retirementFindings, retirementInput } from "./fixtures.js";

const catalog = retirementCatalog();

async function journey(text: string): Promise<JourneyContent> {
  const content = await readMermaid(text);
  if (content.kind !== "journey") throw new Error("expected a journey");
  return content;
}

describe("journey view", () => {
  it("follows the customer's steps and waits in flow order, in sections by channel", async () => {
    const result = toMermaid(catalog, { view: "journey", service: "ssa-retire" });
    const content = await journey(result.diagrams[0]!.text);
    expect(content.title).toBe("Customer journey: Apply for retirement benefits (SSA)");
    expect(content.tasks.map((t) => [t.section, t.task])).toEqual([
      ["my Social Security (website)", "Learn when to claim"],
      ["my Social Security (website)", "Apply online"],
      ["Waiting for SSA", "Wait 10 days: Verify earnings record"],
      ["SSA field office (in-person)", "Bring documents to the office"],
      ["Waiting for SSA", "Wait 30 days: Claims specialist decides"],
      ["SSA national 800 number (phone)", "Ask for reconsideration"],
    ]);
    // The people the customer meets at a step are actors: frontstage roles attached to it.
    expect(content.tasks[1]!.people).toEqual(["Customer", "Claims specialist"]);
    expect(content.tasks[3]!.people).toEqual(["Customer", "Field office clerk"]);
  });

  it("scores tasks from A-11 feedback: mean of driver means on the 1-5 scale", async () => {
    const content = await journey(toMermaid(catalog, { view: "journey", service: "ssa-retire" }).diagrams[0]!.text);
    const score = (task: string) => content.tasks.find((t) => t.task === task)?.score;
    // 'apply' has its own collection (transactionPoint): 4.1, 3.7 and counts [10,20,30,40,100] -> 4.0; mean 3.93.
    expect(score("Apply online")).toBe(3.9);
    // 'visit' is on the field office channel, which has its own collection: 2.2 and 1.8.
    expect(score("Bring documents to the office")).toBe(2);
    // Others take every collection of the latest quarter: (4.1 + 3.7 + 4.0 + 2.2 + 1.8) / 5.
    expect(score("Learn when to claim")).toBe(3.2);
  });

  it("gives tasks without feedback the default score, and says so", async () => {
    const result = toMermaid(catalog, { view: "journey", service: "cms-enroll" });
    const content = await journey(result.diagrams[0]!.text);
    expect(content.tasks.map((t) => t.score)).toEqual([3, 3]);
    expect(result.warnings).toEqual([{ code: "no_feedback", message: "2 of 2 tasks of 'cms-enroll' have no A-11 feedback and were scored 3" }]);
    const low = await journey(toMermaid(catalog, { view: "journey", service: "cms-enroll" }, { defaultScore: 1 }).diagrams[0]!.text);
    expect(low.tasks.map((t) => t.score)).toEqual([1, 1]);
  });

  it("names the findings of a task as sludge actors (the journey's legend lists them)", async () => {
    const content = await journey(toMermaid(catalog, { view: "journey", service: "ssa-retire" }, { findings: retirementFindings() }).diagrams[0]!.text);
    expect(content.tasks.find((t) => t.task === "Bring documents to the office")?.people).toEqual(["Customer", "Field office clerk", "Sludge, error: in-person-only"]);
    expect(content.tasks.find((t) => t.task === "Wait 10 days: Verify earnings record")?.people).toEqual(["Customer", "Sludge, info: opaque-wait"]);
  });

  it("warns that lane filters do not apply, and applies channel filters", async () => {
    const result = toMermaid(catalog, { view: "journey", service: "ssa-retire" }, { lanes: ["backstage"], channels: ["website"] });
    expect(result.warnings.map((w) => w.code)).toContain("option_ignored");
    const content = await journey(result.diagrams[0]!.text);
    expect(content.tasks.map((t) => t.task)).toEqual(["Learn when to claim", "Apply online"]);
  });

  it("is deterministic", () => {
    const a = toMermaid(catalog, { view: "journey", service: "ssa-retire" }).diagrams[0]!.text;
    expect(toMermaid(retirementCatalog(), { view: "journey", service: "ssa-retire" }).diagrams[0]!.text).toBe(a);
  });
});

describe("feedbackScore", () => {
  function withFeedback(feedback: unknown[]) {
    const input = retirementInput();
    const services = input.services!.map((s, i) => (i === 1 ? { ...s, feedback } : s));
    const parsed = parseCatalog({ ...input, services } as unknown as CatalogInput);
    return { service: parsed.services[1]!, step: parsed.services[1]!.steps[0]! };
  }

  it("maps other scales to 1..5 and uses only the latest quarter", () => {
    const { service, step } = withFeedback([
      { survey: "v1", fiscalYear: 2023, quarter: 4, questions: [{ driver: "ease", mean: 1 }] },
      { survey: "v1", fiscalYear: 2024, quarter: 1, questions: [{ driver: "ease", scale: 7, mean: 7 }, { driver: "trust", scale: 7, mean: 4 }] },
    ]);
    // 7 on 1..7 -> 5; 4 on 1..7 -> 3; mean 4.
    expect(feedbackScore(service, step)).toBe(4);
  });

  it("reads a v2 trust question as the positive share on 1..5", () => {
    const { service, step } = withFeedback([{ survey: "v2", fiscalYear: 2024, quarter: 3, trust: { positive: 75, negative: 25 } }]);
    expect(feedbackScore(service, step)).toBe(4);
  });

  it("prefers the step's own collection, then its channel's, then the service's", () => {
    const { service, step } = withFeedback([
      { survey: "v1", fiscalYear: 2024, quarter: 1, questions: [{ driver: "ease", mean: 2 }] },
      { survey: "v1", fiscalYear: 2024, quarter: 1, channel: "mail", questions: [{ driver: "ease", mean: 3 }] },
      { survey: "v1", fiscalYear: 2024, quarter: 1, stage: "Fill in the enrollment form", questions: [{ driver: "ease", mean: 5 }] },
    ]);
    expect(feedbackScore(service, step)).toBe(5);
    // "card" is on the mail channel, which has its own collection.
    expect(feedbackScore(service, service.steps[2]!)).toBe(3);
    // "process" has no channel and no collection of its own: every collection counts, (2 + 3 + 5) / 3.
    expect(feedbackScore(service, service.steps[1]!)).toBe(3.3);
  });

  it("returns undefined without usable feedback", () => {
    const { service, step } = withFeedback([{ survey: "v1", fiscalYear: 2024, quarter: 1, questions: [{ driver: "ease" }] }]);
    expect(feedbackScore(service, step)).toBeUndefined();
  });
});
