import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import type { A11Driver } from "../../src/index.js";
import { mapQuestionDriver } from "../../src/import.js";

const CSV = new URL("../../examples/federal-hisp-services/hisp-cx-data-2023-05-21.csv", import.meta.url);
const GOLDEN = new URL("./fixtures/question-drivers.json", import.meta.url);

describe("mapQuestionDriver", () => {
  it.each<[string, A11Driver]>([
    // The A-11 v1 wordings
    ["I am satisfied with the service I received from the IRS", "satisfaction"],
    ["This interaction increased my confidence in the USPTO.", "trust"],
    ["I trust VA to fulfill our country’s commitment to Veterans", "trust"],
    ["My need was addressed.", "effectiveness"],
    ["It was easy to complete what I needed to do.", "ease"],
    ["It took a reasonable amount of time to do what I needed to do.", "efficiency"],
    ["I was treated fairly.", "equity"],
    ["I understood what was being asked of me throughout the process.", "equity"],
    ["Employees I interacted with were helpful.", "employee"],
    ["The website helped me do what I needed to do.", "employee"],
    // Agencies' own wordings
    ["What is your overall satisfaction with this mobile site?", "satisfaction"],
    ["Please rate your level of confidence in the Trademark Assistance Center.", "trust"],
    ["¿Está de acuerdo en que confía en que la información en USAGov en Español es correcta? TRANSLATION: Do you agree that you trust it?", "trust"],
    ["The extent to which your question or issue was resolved", "effectiveness"],
    ["The online tax account tool met my needs", "effectiveness"],
    ["How easy would you say it was for you to [action] on Medicare.gov today?", "ease"],
    ["The Travel Reimbursement Form (OWCP-957) was self-explanatory and easy to complete.", "ease"],
    ["Are you satisfied with how long it took you to get through to a representative?", "efficiency"],
    ["9) How satisfied were you with the amount of time it took for a FEMA representative to answer your call?", "efficiency"],
    ["The agent responded to my inquiry quickly", "efficiency"],
    ["In my role as an Authorized Representative I have been treated fairly.", "equity"],
    ["VA’s notification letter clearly explained the reasons and bases for my Supplemental Claim decision.", "equity"],
    ["How strongly do you agree ...? - It is inclusive and welcoming for all types of people", "equity"],
    ["How would you rate the person's knowledge of the Medicare system?", "employee"],
    ["How would you rate the ability of the customer service representative who just assisted you to answer your questions?", "employee"],
    ["The Contact Center was professional, courteous, and friendly", "employee"],
    ["Do you agree with the following statement: The information specialist wanted to be helpful to me", "employee"],
    ["3) Information provided to you [by the FEMA representative]: Please rate the information on: Being helpful in your recovery", "effectiveness"],
    // Garbled copies: the lower-case tail of a sentence is ignored
    ["My need was addressed. ed", "effectiveness"],
    ["The representative was helpful. I interacted with was helpful", "employee"],
    ["It took a reasonable amount of time to do what I needed to do.mount of time to do what I needed to", "efficiency"],
  ])("maps %j to %s", (text, driver) => {
    const match = mapQuestionDriver(text);
    expect(match.driver).toBe(driver);
    expect(match.how).toBe("pattern");
    expect(match.rule).toBeTypeOf("string");
  });

  it("keeps questions on another scale as custom, even when their words name a driver", () => {
    expect(mapQuestionDriver("Using a 10-point scale on which '1' means 'very dissatisfied', how satisfied are you?")).toEqual({
      driver: "custom",
      how: "other-scale",
      rule: "ten-point-scale",
    });
    expect(mapQuestionDriver("Would you give the 1-800 MEDICARE number to a friend (yes or no)").how).toBe("other-scale");
    expect(mapQuestionDriver("When thinking about the representative, rate their helpfulness? (1=strongly disagree, 10=strongly agree)").how).toBe(
      "other-scale",
    );
  });

  it("reports compound questions as ambiguous with the drivers they name", () => {
    expect(mapQuestionDriver("My need was addressed. It was easy to complete what I needed to do.")).toEqual({
      driver: "custom",
      how: "ambiguous",
      candidates: ["ease", "effectiveness"],
    });
    expect(mapQuestionDriver("1. I understood how to submit my form. 2. It was easy to share it with my school.").candidates).toEqual(["ease", "equity"]);
  });

  it("tells unmapped, non-rating and empty questions apart", () => {
    expect(mapQuestionDriver("How likely are you to recommend us to a friend?").how).toBe("unmapped");
    expect(mapQuestionDriver("Which best describes you?").how).toBe("not-a-rating");
    expect(mapQuestionDriver("What was the reason for your call?").how).toBe("not-a-rating");
    for (const filler of ["", "   ", "NONE", "None", "No Question", "N/A", "0"]) {
      expect(mapQuestionDriver(filler)).toEqual({ driver: "custom", how: "no-text" });
    }
  });

  it("reads only the first 2,000 characters of a huge cell", () => {
    // The words that would make it an employee question lie past the first 2,000 characters.
    expect(mapQuestionDriver(`Employees ${"x ".repeat(500_000)} were helpful.`).how).toBe("unmapped");
    expect(mapQuestionDriver(`My need was addressed. ${"a".repeat(1_000_000)}`).driver).toBe("effectiveness");
  });

  it("maps every distinct question text of the real FY2021-FY2023 file as reviewed", () => {
    const records = parse(readFileSync(CSV, "utf8"), { columns: true, bom: true }) as Record<string, string>[];
    const texts = new Set<string>();
    for (const record of records) {
      for (const [column, value] of Object.entries(record)) {
        if (!/^attributes_q\d+_text$/.test(column)) continue;
        const text = value.replace(/\s+/g, " ").trim();
        if (mapQuestionDriver(text).how !== "no-text") texts.add(text);
      }
    }
    const golden = JSON.parse(readFileSync(GOLDEN, "utf8")) as { text: string; driver: A11Driver; how: string }[];
    expect(new Set(golden.map((g) => g.text))).toEqual(texts);
    const actual = golden.map((g) => {
      const match = mapQuestionDriver(g.text);
      return { text: g.text, driver: match.driver, how: match.how };
    });
    expect(actual).toEqual(golden);
    // The seven drivers are all found, and most texts map to one.
    const drivers = new Set(golden.map((g) => g.driver));
    expect([...drivers].sort()).toEqual(["custom", "ease", "effectiveness", "efficiency", "employee", "equity", "satisfaction", "trust"]);
    expect(golden.filter((g) => g.driver !== "custom").length).toBeGreaterThan(0.8 * golden.length);
  });
});
