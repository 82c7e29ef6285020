import { describe, expect, it } from "vitest";
import { parseCatalog, type CatalogInput } from "../../src/index.js";
import { toMermaid } from "../../src/export/mermaid/index.js";
import { DERIVED_ACTOR, effortScore, feedbackScore } from "../../src/export/mermaid/journey.js";
import { textWidth, wrapLines } from "../../src/export/mermaid/text-width.js";
import { readMermaid, type JourneyContent } from "../helpers/mermaid-parse.js";
import { retirementCatalog, retirementFindings, retirementInput } from "./fixtures.js";

const catalog = retirementCatalog();

async function journey(text: string): Promise<JourneyContent> {
  const content = await readMermaid(text);
  if (content.kind !== "journey") throw new Error("expected a journey");
  return content;
}

describe("journey view", () => {
  it("follows the main path in sections by channel, then each other branch as an alternative", async () => {
    const result = toMermaid(catalog, { view: "journey", service: "ssa-retire" });
    const content = await journey(result.diagrams[0]!.text);
    expect(content.title).toBe("Customer journey: Apply for retirement benefits (SSA)");
    expect(content.tasks.map((t) => [t.section, t.task])).toEqual([
      ["my Social Security (website)", "Learn when to claim · 30 min · 0 days"],
      ["my Social Security (website)", "Apply online · 45 min · 0 days"],
      // A frontstage step the customer meets is a task of its own, with the role as an actor.
      ["my Social Security (website)", "Website checks the form · 0 min · 0 days"],
      ["Waiting for SSA", "Wait for Verify earnings record · 10 days"],
      // 'record complete' (80%) is the main path: straight to the decision.
      ["Waiting for SSA", "Wait for Claims specialist decides · 30 days"],
      // 'documents missing' (20% of all customers) is an alternative, not a step after the decision.
      ["Or: documents missing (20%)", "Bring documents to the office · 2 h 15 min · 0 days"],
      ["Or: documents missing (20%)", "Clerk checks documents · 0 min · 0 days"],
      // 'denied' (5%) leads to the appeal; the award letter (95%) is no task (the customer does nothing).
      ["Or: denied (5%)", "Ask for reconsideration · 1 h 5 min · 0 days"],
    ]);
    expect(content.tasks[2]!.people).toEqual(["Customer", "Claims specialist", DERIVED_ACTOR]);
    expect(content.tasks[6]!.people).toEqual(["Customer", "Field office clerk"]);
  });

  it("never draws exclusive branches as a sequence: each branch is its own 'Or' section with its share", async () => {
    const input = retirementInput() as unknown as { services: { id: string; steps: { id: string; next?: unknown[] }[] }[] };
    const service = input.services.find((s) => s.id === "ssa-retire")!;
    service.steps.find((s) => s.id === "learn")!.next = [
      { to: "apply", kind: "branch", share: 0.6, label: "online" },
      { to: "appeal", kind: "branch", share: 0.3, label: "by phone" },
      { to: "visit", kind: "branch", share: 0.1, label: "at the office" },
    ];
    const content = await journey(toMermaid(parseCatalog(input as unknown as CatalogInput), { view: "journey", service: "ssa-retire" }).diagrams[0]!.text);
    expect(content.sections).toEqual(["my Social Security (website)", "Waiting for SSA", "Or: by phone (30%)", "Or: at the office (10%)"]);
    expect(content.tasks.filter((t) => t.section === "Or: by phone (30%)").map((t) => t.task)).toEqual(["Ask for reconsideration · 1 h 5 min · 0 days"]);
  });

  it("scores tasks from the step's own A-11 feedback (its collection, else its channel's)", async () => {
    const content = await journey(toMermaid(catalog, { view: "journey", service: "ssa-retire" }).diagrams[0]!.text);
    const score = (task: string) => content.tasks.find((t) => t.task.startsWith(task))?.score;
    // 'apply' has its own collection (transactionPoint): 4.1, 3.7 and counts [10,20,30,40,100] -> 4.0; mean 3.93.
    expect(score("Apply online")).toBe(3.9);
    // 'visit' is on the field office channel, which has its own collection: 2.2 and 1.8.
    expect(score("Bring documents to the office")).toBe(2);
  });

  it("derives the score of a task without feedback of its own from its effort, and marks it", async () => {
    const result = toMermaid(catalog, { view: "journey", service: "ssa-retire" });
    const content = await journey(result.diagrams[0]!.text);
    const task = (name: string) => content.tasks.find((t) => t.task.startsWith(name))!;
    // 30 customer minutes: 5 - 1.
    expect(task("Learn when to claim").score).toBe(4);
    expect(task("Learn when to claim").people).toContain(DERIVED_ACTOR);
    expect(task("Apply online").people).not.toContain(DERIVED_ACTOR);
    // Waits: 10 days 5 - 1, 30 days 5 - 2. Hold of 45 minutes: 5 - 1.
    expect(task("Wait for Verify earnings record").score).toBe(4);
    expect(task("Wait for Claims specialist decides").score).toBe(3);
    expect(task("Ask for reconsideration").score).toBe(4);
    expect(result.warnings).toContainEqual({
      code: "no_feedback",
      message: "5 of 8 tasks of 'ssa-retire' have no A-11 feedback of their own and were scored from their effort",
    });
    // Scores differ along the journey: no flat line.
    expect(new Set(content.tasks.map((t) => t.score)).size).toBeGreaterThan(2);
  });

  it("takes half a point per sludge finding off a derived score, and names the findings as one actor per task", async () => {
    const diagrams = toMermaid(catalog, { view: "journey", service: "ssa-retire" }, { findings: retirementFindings() }).diagrams;
    const tasks = (await Promise.all(diagrams.map((d) => journey(d.text)))).flatMap((c) => c.tasks);
    const task = (name: string) => tasks.find((t) => t.task.startsWith(name))!;
    expect(task("Bring documents to the office").people).toEqual(["Customer", "Sludge, error: in-person-only"]);
    expect(task("Wait for Verify earnings record").people).toEqual(["Customer", "Sludge, info: opaque-wait", DERIVED_ACTOR]);
    expect(task("Wait for Verify earnings record").score).toBe(3.5);
    expect(task("Ask for reconsideration").score).toBe(3.5);
  });

  it("warns that lane filters do not apply, and applies channel filters", async () => {
    const result = toMermaid(catalog, { view: "journey", service: "ssa-retire" }, { lanes: ["backstage"], channels: ["website"] });
    expect(result.warnings.map((w) => w.code)).toContain("option_ignored");
    const content = await journey(result.diagrams[0]!.text);
    expect(content.tasks.map((t) => t.task)).toEqual([
      "Learn when to claim · 30 min · 0 days",
      "Apply online · 45 min · 0 days",
      "Website checks the form · 0 min · 0 days",
    ]);
  });

  it("fits its text to Mermaid's fixed boxes: long words breakable, at most four lines a box, the figures whole, the title within the picture", async () => {
    const input = retirementInput() as unknown as { services: { id: string; name: string; steps: { id: string; name: string }[] }[] };
    const service = input.services.find((s) => s.id === "ssa-retire")!;
    service.name = "Apply for retirement, survivors and disability insurance benefits through the field offices and the online services of Social Security";
    service.steps.find((s) => s.id === "learn")!.name = "Read SocialSecurity.gov/benefits/retirement and decide when to claim";
    const result = toMermaid(parseCatalog(input as unknown as CatalogInput), { view: "journey", service: "ssa-retire" }, { channels: ["website"] });
    const diagram = result.diagrams[0]!;
    const content = await journey(diagram.text);
    const full = `Customer journey: ${service.name} (SSA)`;
    // The full title stays the diagram's title and the accessible title; the drawn one is shortened to fit.
    expect(diagram.title).toBe(full);
    expect(content.accTitle).toBe(full);
    expect(content.title).toMatch(/^Apply for retirement, survivors and .*…$/);
    const leftMargin = Number(/leftMargin: (\d+)/.exec(diagram.text)![1]);
    expect(leftMargin).toBeGreaterThan(60);
    expect(textWidth(content.title, 20, true)).toBeLessThanOrEqual(leftMargin + textWidth("Score derived from effort", 16) + content.tasks.length * 200);
    // The address breaks where it may (zero-width spaces), and the task keeps its figures.
    const learn = content.tasks[0]!.task;
    expect(learn.replaceAll("\u200B", "")).toMatch(/^Read SocialSecurity\.gov\/benefits\/retirement and.* · 30 min · 0 days$/);
    expect(learn).toContain("Social\u200BSecurity.\u200Bgov/\u200Bbenefits/\u200Bretirement");
    for (const task of content.tasks) {
      for (const piece of task.task.split(/[ \u200B]/)) expect(textWidth(piece, 16), piece).toBeLessThanOrEqual(150);
      expect(wrapLines(task.task, 150, 16).length, task.task).toBeLessThanOrEqual(4);
    }
  });

  it("is deterministic", () => {
    const a = toMermaid(catalog, { view: "journey", service: "ssa-retire" }).diagrams[0]!.text;
    expect(toMermaid(retirementCatalog(), { view: "journey", service: "ssa-retire" }).diagrams[0]!.text).toBe(a);
  });
});

describe("effortScore", () => {
  const zero = { customerMinutes: 0, holdMinutes: 0, travelMinutes: 0, waitDays: 0 };
  it.each([
    [{}, 0, 5],
    [{ customerMinutes: 29 }, 0, 5],
    [{ customerMinutes: 30 }, 0, 4],
    [{ customerMinutes: 120 }, 0, 3],
    [{ holdMinutes: 15 }, 0, 4],
    [{ holdMinutes: 60 }, 0, 3],
    [{ travelMinutes: 1 }, 0, 4],
    [{ travelMinutes: 60 }, 0, 3],
    [{ waitDays: 7 }, 0, 4],
    [{ waitDays: 30 }, 0, 3],
    [{}, 1, 4.5],
    [{}, 9, 3],
    [{ customerMinutes: 200, holdMinutes: 90, travelMinutes: 90, waitDays: 60 }, 3, 1],
  ])("%o with %i findings scores %d", (figures, findings, expected) => {
    expect(effortScore({ ...zero, ...figures }, findings)).toBe(expected);
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
