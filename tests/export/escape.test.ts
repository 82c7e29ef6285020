import { describe, expect, it } from "vitest";
import { cleanText, escapeJourneyText, escapeText, yamlQuoted } from "../../src/export/mermaid/escape.js";
import { markdownLabel, plainLabel } from "../../src/export/mermaid/flowchart.js";
import { readMermaid } from "../helpers/mermaid-parse.js";

describe("escapeText", () => {
  it("writes every syntax character as a Mermaid entity code, in one pass", () => {
    expect(escapeText('a "b" <c> & #d; |e| `f` %%g \\h :i ;j ,k *l* _m_ ~n~ [o]', "markdown")).toBe(
      "a #quot;b#quot; #lt;c#gt; #amp; #35;d#59; #124;e#124; #96;f#96; #37;#37;g #92;h #58;i #59;j #44;k #42;l#42; #95;m#95; #126;n#126; #91;o#93;",
    );
  });

  it("does not escape its own output again (a user's entity code stays literal text)", () => {
    // One pass: the '#' of the user's "#35;" becomes "#35;", and its ';' becomes "#59;".
    expect(escapeText("#35;", "markdown")).toBe("#35;35#59;");
  });

  it("breaks Mermaid's own placeholder characters so its decoder cannot rebuild '&' or ';'", () => {
    expect(escapeText("\uFB02\u00B0lt\u00B6\u00DF", "markdown")).toBe("#64258;\u00B0lt#182;\u00DF");
  });

  it("keeps line breaks in markdown labels and turns them into spaces elsewhere", () => {
    expect(escapeText("a\r\nb\rc\u2028d", "markdown")).toBe("a\nb\nc\nd");
    expect(escapeText("a\r\nb\nc", "journey")).toBe("a b c");
    expect(escapeText("a\nb", "line")).toBe("a b");
  });

  it("replaces characters XML cannot hold", () => {
    expect(escapeText("a\u0000b\u0007c\u001Fd\u007Fe\tf", "line")).toBe("a b c d e f");
    expect(escapeText("x\uD800y\uDC00z\uFFFE", "line")).toBe("x\uFFFDy\uFFFDz\uFFFD");
    // A valid surrogate pair (an emoji) is kept.
    expect(escapeText("\u{1F600}", "line")).toBe("\u{1F600}");
  });

  it("hides a `direction TB` phrase from Mermaid's flowchart lexer, which matches it anywhere on a line", () => {
    // The lexer's `.*direction\s+TB[^\n]*` rule (and BT, RL, LR, TD) would swallow the line the label is on.
    expect(escapeText("Await policy direction TBD", "markdown")).toBe("Await policy #100;irection TBD");
    expect(escapeText("redirection LR", "line")).toBe("re#100;irection LR");
    for (const dir of ["TB", "BT", "RL", "LR", "TD"]) expect(escapeText(`x direction ${dir}`, "line")).toBe(`x #100;irection ${dir}`);
    // Whitespace as the lexer's \s reads it: line breaks and no-break spaces, and controls the escape makes spaces.
    expect(escapeText("direction\nTB", "markdown")).toBe("#100;irection\nTB");
    expect(escapeText("direction\u00a0TB", "line")).toBe("#100;irection\u00a0TB");
    expect(escapeText("direction\u0000TB", "line")).toBe("#100;irection TB");
    // At the end, because the writer may join the next span or line (which may start with TB) after it.
    expect(escapeText("Set the direction", "markdown")).toBe("Set the #100;irection");
    // Left alone where no rule matches: other case, no whitespace, other letters.
    expect(escapeText("Direction TB, direction tb, directionTB, direction BR, direction of travel", "line")).toBe(
      "Direction TB#44; direction tb#44; directionTB#44; direction BR#44; direction of travel",
    );
  });

  it("leaves ordinary text, unicode and emoji alone", () => {
    expect(escapeText("Straße, Ñandú — 東京 😀 end subgraph click style", "line")).toBe("Straße#44; Ñandú — 東京 😀 end subgraph click style");
  });
});

describe("escapeJourneyText", () => {
  it("hides journey keywords at the start of a task by writing the first letter as an entity", () => {
    expect(escapeJourneyText("Title deed")).toBe("#84;itle deed");
    expect(escapeJourneyText("section 8 housing")).toBe("#115;ection 8 housing");
    expect(escapeJourneyText("accTitle")).toBe("#97;ccTitle");
    expect(escapeJourneyText("Journey home")).toBe("#74;ourney home");
    expect(escapeJourneyText("My title")).toBe("My title");
  });
});

describe("cleanText", () => {
  it("collapses spaces, trims, drops empty lines and cuts long text with an ellipsis", () => {
    expect(cleanText("  a   b \n\n  c  ", true)).toBe("a b\nc");
    expect(cleanText("  a   b \n\n  c  ", false)).toBe("a b c");
    expect(cleanText("abcdefghij", false, 5)).toBe("abcd…");
    expect(cleanText("😀😀😀😀😀😀", false, 3)).toBe("😀😀…");
  });
});

describe("yamlQuoted", () => {
  it("writes a YAML string with no character Mermaid or HTML could read", () => {
    const quoted = yamlQuoted('Blueprint: "x" <img src=y> #1 %%{init}%% `z`');
    expect(quoted).not.toMatch(/[<>#%`:]/);
    expect(JSON.parse(quoted)).toBe('Blueprint: "x" <img src=y> #1 %%{init}%% `z`');
  });
});

describe("labels under Mermaid's parser", () => {
  const hostile = [
    'Quote " and `tick` and <img src=x onerror=alert(1)>',
    "end",
    "%%{init: {'securityLevel': 'loose'}}%%",
    "#quot; #35; &amp; &lt;b&gt;",
    "click callback",
    "a --> b; style x fill:#f00",
    "**bold** _it_ [link](http://x.y) https://example.com <http://a.b>",
    "line one\nline two",
    "😀 東京 Ñandú",
    "pipe | and brackets [ ] ( ) { }",
    "1. not a list",
    "- nor this",
    "# nor a heading",
    "classDef x fill:#f00;",
    "\\n is not a line break",
    "Await policy direction TBD",
    "Set direction LR; redirection RL and direction\u00a0TD",
    "Await direction\nTBD",
    "Ends with direction",
    "click here to style the classDef of subgraph end",
    "a:::b & c --> d %% not a comment",
    "accTitle: not a title; accDescr { not a description }",
  ];

  it("reads every hostile label back exactly as written, in node and edge labels", async () => {
    const lines = ["flowchart LR"];
    hostile.forEach((text, i) => lines.push(`  n${i}[${markdownLabel([[{ text }]])}] -->|${markdownLabel([[{ text }]])}| m${i}`));
    const content = await readMermaid(lines.join("\n"));
    if (content.kind !== "flowchart") throw new Error("expected a flowchart");
    hostile.forEach((text, i) => {
      const expected = cleanText(text, false).replace(/\s+/g, " ");
      expect(content.nodes.get(`n${i}`)).toBe(expected);
      expect(content.edges[i]?.label).toBe(expected);
    });
  });

  it("keeps a `direction TB` split across spans and lines of a label, and in the accessible title, readable", async () => {
    const text = [
      "flowchart LR",
      `  accTitle: ${escapeText("Await policy direction TBD", "line")}`,
      `  a[${markdownLabel([[{ text: "Await policy direction" }, { text: "TBD" }]])}] --> b`,
      `  c[${markdownLabel([[{ text: "Await policy direction", em: true }], [{ text: "TBD" }]])}] --> d`,
      `  e[${markdownLabel([[{ text: "Await policy direction" }], [{ text: "TBD" }]])}] --> f`,
    ].join("\n");
    const content = await readMermaid(text);
    if (content.kind !== "flowchart") throw new Error("expected a flowchart");
    expect(content.accTitle).toBe("Await policy direction TBD");
    for (const id of ["a", "c", "e"]) expect(content.nodes.get(id)).toBe("Await policy direction TBD");
  });

  it("keeps plain (swimlane) edge labels readable too", async () => {
    const lines = ["swimlane-beta LR"];
    hostile.forEach((text, i) => lines.push(`  n${i} -->|${plainLabel([[{ text }]])}| m${i}`));
    const content = await readMermaid(lines.join("\n"));
    if (content.kind !== "flowchart") throw new Error("expected a flowchart");
    hostile.forEach((text, i) => expect(content.edges[i]?.label).toBe(cleanText(text, false).replace(/\s+/g, " ")));
  });

  it("never lets an HTML tag, a directive or a comment reach the text", () => {
    for (const text of hostile) {
      const written = markdownLabel([[{ text }]]);
      expect(written).not.toMatch(/<|>|%%|\\/);
      expect(written.slice(2, -2)).not.toContain("`");
      expect(written.slice(1, -1)).not.toContain('"');
    }
  });
});
