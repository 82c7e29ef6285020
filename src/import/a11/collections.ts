/**
 * Feedback collections: one per row, built with its channel and volumes, ordered, and keyed so that a collection
 * for the same quarter, channel, transaction point and service provided replaces the one before.
 */
import type { FeedbackCollection, FeedbackQuestion } from "../../model/schema.js";
import type { ChannelKind } from "../../model/vocabulary.js";
import type { A11CsvRow } from "../a11-csv.js";
import { channelKindOf } from "./channels.js";
import { rowQuestions } from "./questions.js";
import type { Accumulated, RowCollection } from "./report-data.js";
import { byText, info } from "./tally.js";
import { type Warnings, fitName } from "./warnings.js";

/** What makes two collections the same report: a later one replaces the earlier. */
function collectionKey(c: FeedbackCollection): string {
  return [c.survey, c.fiscalYear, c.quarter, c.channel ?? "", c.transactionPoint ?? "", c.serviceProvided ?? ""].join("\u0000");
}

/** By quarter, then service provided, channel and transaction point, then row. */
function compareCollections(a: RowCollection, b: RowCollection): number {
  const x = a.collection;
  const y = b.collection;
  return (
    x.fiscalYear - y.fiscalYear ||
    x.quarter - y.quarter ||
    byText(x.serviceProvided ?? "", y.serviceProvided ?? "") ||
    byText(x.channel ?? "", y.channel ?? "") ||
    byText(x.transactionPoint ?? "", y.transactionPoint ?? "") ||
    a.row - b.row
  );
}

function checkVolumes(row: A11CsvRow, warnings: Warnings): void {
  const { customers, offered, respondents } = row;
  if (offered !== undefined && respondents !== undefined && respondents > offered) {
    warnings.add(
      "volumes_inconsistent",
      "more respondents than customers offered the survey (an offered volume of 0 usually means it was not reported); kept as reported",
      row.row,
      "attributes_volume_of_customers_provided_survey_opportunity",
    );
  }
  if (customers !== undefined && offered !== undefined && offered > customers) {
    warnings.add(
      "volumes_inconsistent",
      "more customers offered the survey than customers served (a customer volume of 0 usually means it was not reported); kept as reported",
      row.row,
      "attributes_volume_of_customers",
    );
  }
}

/** Builds a row's collection; `channelId` resolves a channel kind to the id to reference. */
function rowCollection(
  row: A11CsvRow,
  questions: FeedbackQuestion[],
  channelId: (kind: ChannelKind) => string,
  warnings: Warnings,
): FeedbackCollection {
  const kind = channelKindOf(row.channel);
  let channel: string | undefined;
  if (kind === "mixed") {
    warnings.add("channel_mixed", "channel 'mixed' names no one channel; the collections are kept without a channel", row.row, "attributes_channel");
  } else if (kind === "missing") {
    warnings.add("channel_missing", "no channel given; the collections are kept without a channel", row.row, "attributes_channel");
  } else if (kind === undefined) {
    warnings.add("channel_unknown", `channel '${row.channel}' is not a federal channel kind; the collections are kept without a channel`, row.row, "attributes_channel");
  } else {
    channel = channelId(kind);
  }
  checkVolumes(row, warnings);
  const volumes: { customers?: number; offered?: number; respondents?: number } = {};
  if (row.customers !== undefined) volumes.customers = row.customers;
  if (row.offered !== undefined) volumes.offered = row.offered;
  if (row.respondents !== undefined) volumes.respondents = row.respondents;
  return {
    survey: "v1",
    fiscalYear: row.fiscalYear,
    quarter: row.quarter,
    ...(channel !== undefined ? { channel } : {}),
    ...(row.transactionPoint !== "" ? { transactionPoint: fitName(row.transactionPoint, warnings, row.row, "attributes_transaction_point") } : {}),
    ...(row.serviceProvided !== "" ? { serviceProvided: fitName(row.serviceProvided, warnings, row.row, "attributes_service_provided") } : {}),
    volumes,
    questions,
  };
}

/** The catalog service a CSV service's rows go to. */
export interface Target {
  readonly serviceId: string;
}

/**
 * Turns each row into a collection for its target service (given by `targetOf`, or the reason it has none), or a
 * skipped row; the report and the collections grow in `acc`.
 */
export function accumulate(
  rows: readonly A11CsvRow[],
  targetOf: (row: A11CsvRow) => Target | string,
  channelId: (kind: ChannelKind, serviceId: string) => string,
  acc: Accumulated,
): void {
  for (const row of rows) {
    if (row.serviceId === "" || row.providerId === "") {
      const missing = row.serviceId === "" ? "attributes_service_id" : "attributes_service_provider_id";
      acc.skipped.push({ row: row.row, line: row.line, id: row.id, reason: `no ${missing}: the row names no registered service to attach to` });
      continue;
    }
    const target = targetOf(row);
    if (typeof target === "string") {
      acc.skipped.push({ row: row.row, line: row.line, id: row.id, reason: target });
      continue;
    }
    const questions = rowQuestions(row, acc.mappings, acc.warnings, acc.counters, acc.matches);
    const collection = rowCollection(row, questions, (kind) => channelId(kind, target.serviceId), acc.warnings);
    info(acc.collections, target.serviceId, () => []).push({ collection, row: row.row });
    acc.imported.push({
      row: row.row,
      line: row.line,
      id: row.id,
      service: target.serviceId,
      fiscalYear: row.fiscalYear,
      quarter: row.quarter,
      questions: questions.length,
    });
  }
}

/** A new service's collections, in order. */
export function sortedFeedback(list: readonly RowCollection[]): FeedbackCollection[] {
  return [...list].sort(compareCollections).map((entry) => entry.collection);
}

/**
 * A service's collections with the new ones added in order; a new one with the key of an existing one takes its
 * place (so importing the same file twice changes nothing), with a `collection_replaced` warning.
 */
export function mergeFeedback(existing: readonly FeedbackCollection[], added: readonly RowCollection[], warnings: Warnings): FeedbackCollection[] {
  const feedback = [...existing];
  const position = new Map(feedback.map((c, i) => [collectionKey(c), i]));
  for (const { collection, row } of [...added].sort(compareCollections)) {
    const at = position.get(collectionKey(collection));
    if (at !== undefined) {
      feedback[at] = collection;
      warnings.add(
        "collection_replaced",
        "the service already had a collection for the same quarter, channel, transaction point and service provided; it was replaced",
        row,
      );
    } else {
      position.set(collectionKey(collection), feedback.length);
      feedback.push(collection);
    }
  }
  return feedback;
}
