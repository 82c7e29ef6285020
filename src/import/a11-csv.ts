/**
 * Reads the A-11 feedback CSV (GSA's merged HISP CX data, as performance.gov publishes it) into typed rows:
 * csv-parse does the CSV, this file checks the header and turns cells into numbers and clean text, throwing
 * {@link A11ImportError} with the row, line and column of anything it cannot read.
 */
import { CsvError, parse } from "csv-parse/sync";
import { A11ImportError } from "./a11-error.js";

/** Columns every row needs (question columns are checked per slot). */
const REQUIRED_COLUMNS = [
  "id",
  "attributes_organization_id",
  "attributes_organization_name",
  "attributes_organization_abbreviation",
  "attributes_service_provider_id",
  "attributes_service_provider_name",
  "attributes_collection_year",
  "attributes_collection_quarter",
  "attributes_service_provided",
  "attributes_transaction_point",
  "attributes_channel",
  "attributes_volume_of_customers",
  "attributes_volume_of_customers_provided_survey_opportunity",
  "attributes_volume_of_respondents",
  "attributes_service_id",
  "attributes_service_name",
] as const;

/** Columns read when present. */
const OPTIONAL_COLUMNS = ["attributes_service_slug", "service_desc", "service_provider_desc"] as const;

type ColumnName = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];

/** The points of the scale the merged data reports counts for. */
export const A11_CSV_POINTS = 5;

/** One question slot of a row, as written. */
export interface A11CsvQuestion {
  /** The slot number (1 for `attributes_q1_*`). */
  readonly slot: number;
  /** The text with whitespace collapsed; empty when the slot has none. */
  readonly text: string;
  /** Answers at each point, point 1 first (empty cells count 0). */
  readonly counts: readonly number[];
  /** The mean as reported, when the cell is not empty. */
  readonly mean: number | undefined;
}

/** One data row of the CSV. */
export interface A11CsvRow {
  /** 1-based data row number (the first row under the header is 1). */
  readonly row: number;
  /** 1-based line where the row starts. */
  readonly line: number;
  /** The row's own `id` cell. */
  readonly id: string;
  readonly organizationId: string;
  readonly organizationName: string;
  readonly organizationAbbreviation: string;
  readonly providerId: string;
  readonly providerName: string;
  readonly providerDescription: string;
  readonly serviceId: string;
  readonly serviceName: string;
  readonly serviceSlug: string;
  readonly serviceDescription: string;
  readonly fiscalYear: number;
  readonly quarter: number;
  readonly serviceProvided: string;
  readonly transactionPoint: string;
  /** The channel cell, trimmed and lower-cased. */
  readonly channel: string;
  readonly customers: number | undefined;
  readonly offered: number | undefined;
  readonly respondents: number | undefined;
  readonly questions: readonly A11CsvQuestion[];
}

/** Collapses every run of whitespace (tabs, line breaks, non-breaking spaces) to one space and trims. */
export function cleanText(value: string): string {
  return value.replace(/\s+/g, " ").trim();
}

/** Keeps paragraphs: normalizes line ends, trims each line and the whole. */
export function cleanParagraphs(value: string): string {
  return value
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.replace(/[ \t\u00a0]+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/**
 * Finds the line a record starts on from the byte offset where the previous record ended (csv-parse's `bytes`),
 * skipping blank lines. Lines are counted by '\n', as editors and `grep -n` count them.
 */
class LineFinder {
  private readonly bytes: Uint8Array;
  private readonly newlines: number[] = [];

  constructor(text: string) {
    this.bytes = new TextEncoder().encode(text);
    for (let i = 0; i < this.bytes.length; i++) if (this.bytes[i] === 10) this.newlines.push(i);
  }

  lineAt(offset: number): number {
    let start = offset;
    while (start < this.bytes.length && (this.bytes[start] === 10 || this.bytes[start] === 13)) start++;
    // Newlines before `start`, by binary search.
    let lo = 0;
    let hi = this.newlines.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.newlines[mid]! < start) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  }
}

interface Located {
  readonly row: number;
  readonly line: number;
}

// Counts are written `320979` or, after a trip through a spreadsheet, `9707552.0`.
const WHOLE = /^\d+(?:\.0*)?$/;
const DECIMAL = /^\d+(?:\.\d*)?$|^\.\d+$/;

function parseWhole(value: string, where: Located, column: string): number | undefined {
  const cell = value.trim();
  if (cell === "") return undefined;
  const n = Number(cell);
  if (!WHOLE.test(cell) || !Number.isSafeInteger(n)) {
    throw new A11ImportError("invalid_number", `'${cell}' is not a whole number of people`, {
      ...where,
      column,
      value: cell,
      hint: "write a count as digits, like 1200 or 1200.0",
    });
  }
  return n;
}

function parseMean(value: string, where: Located, column: string): number | undefined {
  const cell = value.trim();
  if (cell === "") return undefined;
  const n = Number(cell);
  if (!DECIMAL.test(cell) || !Number.isFinite(n) || n < 1 || n > A11_CSV_POINTS) {
    throw new A11ImportError("invalid_number", `'${cell}' is not a mean on the 1..${A11_CSV_POINTS} scale`, {
      ...where,
      column,
      value: cell,
      hint: "the point-scale column holds the mean answer, like 4.25, or nothing",
    });
  }
  return n;
}

function parseInteger(value: string, where: Located, column: string, min: number, max: number, what: string): number {
  const cell = value.trim();
  const n = Number(cell);
  if (!WHOLE.test(cell) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new A11ImportError("invalid_value", `'${cell}' is not ${what}`, { ...where, column, value: cell, hint: `expected a whole number from ${min} to ${max}` });
  }
  return n;
}

function fromCsvError(error: CsvError, header: readonly string[] | undefined, lines: LineFinder): A11ImportError {
  const info = error as unknown as { bytes_records?: unknown; records?: unknown; record?: unknown; index?: unknown };
  const line = typeof info.bytes_records === "number" ? lines.lineAt(info.bytes_records) : undefined;
  const records = typeof info.records === "number" ? info.records : undefined;
  // csv-parse counts the header as a record; the failing record is the one after those already read.
  const row = records !== undefined && header !== undefined ? records : undefined;
  const fields = Array.isArray(info.record) ? info.record.length : undefined;
  let column: string | undefined;
  let hint: string | undefined;
  // csv-parse's own messages count lines differently (a "\r\n" inside a field counts twice): say it ourselves.
  let message = error.message.replace(/\s+(?:at|on) line \d+/g, "").replace(/\s+/g, " ").trim();
  if (error.code === "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH" && header !== undefined && fields !== undefined) {
    column = fields < header.length ? header[fields] : `(field ${fields + 1})`;
    message = `the row has ${fields} fields, the header ${header.length}`;
    hint = fields < header.length ? "is the file cut short?" : "is a comma in a value not quoted?";
  } else if (error.code === "CSV_QUOTE_NOT_CLOSED") {
    if (header !== undefined && typeof info.index === "number") column = header[info.index];
    message = "a quoted field is never closed";
    hint = "is the file cut short?";
  }
  return new A11ImportError("malformed_csv", message, {
    ...(row !== undefined ? { row } : {}),
    ...(line !== undefined ? { line } : {}),
    ...(column !== undefined ? { column } : {}),
    ...(hint !== undefined ? { hint } : {}),
  });
}

/**
 * Parses the CSV text into rows. Throws {@link A11ImportError} for text that is not CSV, a missing column, or a
 * cell that is not the number it should be.
 */
export function readA11Csv(text: string): A11CsvRow[] {
  const lines = new LineFinder(text);
  let records: { record: string[]; info: { bytes: number } }[];
  try {
    records = parse(text, { info: true, bom: true, skip_empty_lines: true }) as unknown as typeof records;
  } catch (error) {
    if (error instanceof CsvError) {
      // Re-read the header alone, to name the column of a short row.
      let header: string[] | undefined;
      try {
        const first = parse(text, { bom: true, to_line: 1 }) as string[][];
        header = first[0]?.map((h) => h.trim());
      } catch {
        header = undefined;
      }
      throw fromCsvError(error, header, lines);
    }
    throw error;
  }
  const head = records[0];
  if (head === undefined) {
    throw new A11ImportError("empty_file", "the text has no header row", { hint: "export the A-11 data with its header" });
  }
  const header = head.record.map((h) => h.trim());
  const index = new Map<string, number>();
  header.forEach((name, i) => {
    if (!index.has(name)) index.set(name, i);
  });
  for (const column of REQUIRED_COLUMNS) {
    if (!index.has(column)) {
      throw new A11ImportError("missing_column", `the header has no '${column}' column`, {
        line: 1,
        column,
        hint: "this importer reads GSA's merged HISP CX data (mergedcxdata-*.csv)",
      });
    }
  }
  const slots: number[] = [];
  for (const name of header) {
    const match = /^attributes_q(\d+)_text$/.exec(name);
    if (match) slots.push(Number(match[1]));
  }
  slots.sort((a, b) => a - b);
  if (slots.length === 0) {
    throw new A11ImportError("missing_column", "the header has no question columns", { line: 1, column: "attributes_q1_text" });
  }
  const questionColumns = slots.map((slot) => {
    const names = {
      text: `attributes_q${slot}_text`,
      points: Array.from({ length: A11_CSV_POINTS }, (_, p) => `attributes_q${slot}_${p + 1}`),
      mean: `attributes_q${slot}_point_scale`,
    };
    for (const column of [...names.points, names.mean]) {
      if (!index.has(column)) throw new A11ImportError("missing_column", `the header has no '${column}' column`, { line: 1, column });
    }
    return { slot, ...names };
  });

  const rows: A11CsvRow[] = [];
  for (let r = 1; r < records.length; r++) {
    const { record } = records[r]!;
    const where: Located = { row: r, line: lines.lineAt(records[r - 1]!.info.bytes) };
    const cell = (column: string): string => record[index.get(column) ?? -1] ?? "";
    const get = (column: ColumnName): string => cell(column);
    const questions: A11CsvQuestion[] = questionColumns.map((q) => ({
      slot: q.slot,
      text: cleanText(cell(q.text)),
      counts: q.points.map((column) => parseWhole(cell(column), where, column) ?? 0),
      mean: parseMean(cell(q.mean), where, q.mean),
    }));
    rows.push({
      ...where,
      id: cleanText(get("id")),
      organizationId: cleanText(get("attributes_organization_id")),
      organizationName: cleanText(get("attributes_organization_name")),
      organizationAbbreviation: cleanText(get("attributes_organization_abbreviation")),
      providerId: cleanText(get("attributes_service_provider_id")),
      providerName: cleanText(get("attributes_service_provider_name")),
      providerDescription: cleanParagraphs(get("service_provider_desc")),
      serviceId: cleanText(get("attributes_service_id")),
      serviceName: cleanText(get("attributes_service_name")),
      serviceSlug: cleanText(get("attributes_service_slug")),
      serviceDescription: cleanParagraphs(get("service_desc")),
      fiscalYear: parseInteger(get("attributes_collection_year"), where, "attributes_collection_year", 1990, 2200, "a fiscal year"),
      quarter: parseInteger(get("attributes_collection_quarter"), where, "attributes_collection_quarter", 1, 4, "a quarter"),
      serviceProvided: cleanText(get("attributes_service_provided")),
      transactionPoint: cleanText(get("attributes_transaction_point")),
      channel: cleanText(get("attributes_channel")).toLowerCase(),
      customers: parseWhole(get("attributes_volume_of_customers"), where, "attributes_volume_of_customers"),
      offered: parseWhole(
        get("attributes_volume_of_customers_provided_survey_opportunity"),
        where,
        "attributes_volume_of_customers_provided_survey_opportunity",
      ),
      respondents: parseWhole(get("attributes_volume_of_respondents"), where, "attributes_volume_of_respondents"),
      questions,
    });
  }
  return rows;
}
