/**
 * Channels: the CSV's channel words and the federal channel kinds they stand for, the names of the channels the
 * importer adds, and, in merge mode, which of a catalog's channels a collection of a kind goes to.
 */
import type { Catalog, Channel } from "../../model/schema.js";
import { CHANNEL_KINDS, type ChannelKind } from "../../model/vocabulary.js";
import { uniqueId } from "./ids.js";
import { byText } from "./tally.js";
import type { Warnings } from "./warnings.js";
import { known } from "../../internal/invariant.js";

/** The CSV's channel words, and the federal channel kind each stands for. */
const CSV_CHANNELS: Readonly<Record<string, ChannelKind>> = {
  computer: "computer",
  email: "email",
  automated_phone: "automated-phone",
  phone: "phone",
  // Mobile web and apps alike: the kind list has no separate mobile-web kind.
  mobile: "mobile-app",
  in_person: "in-person",
  website: "website",
  paper: "paper",
  postal_mail: "postal-mail",
};

/** The name of a channel the importer adds, per kind. */
export const CHANNEL_NAMES: Readonly<Record<ChannelKind, string>> = {
  website: "Website",
  "mobile-app": "Mobile",
  computer: "Computer",
  email: "Email",
  "live-chat": "Live chat",
  chatbot: "Chatbot",
  sms: "Text message",
  "social-media": "Social media",
  phone: "Phone",
  "automated-phone": "Automated phone",
  "in-person": "In person",
  kiosk: "Self-service kiosk",
  paper: "Paper",
  "postal-mail": "Postal mail",
  fax: "Fax",
  other: "Other",
};

/** The kind a CSV channel cell stands for; `mixed` and `missing` name no one channel, `undefined` no kind. */
export function channelKindOf(cell: string): ChannelKind | "mixed" | "missing" | undefined {
  if (cell === "") return "missing";
  if (cell === "mixed") return "mixed";
  const key = cell.replace(/[\s-]+/g, "_");
  const direct = CSV_CHANNELS[key];
  if (direct !== undefined) return direct;
  const kebab = cell.replace(/[\s_]+/g, "-");
  return (CHANNEL_KINDS as readonly string[]).includes(kebab) ? (kebab as ChannelKind) : undefined;
}

/** Merge mode's channels: the catalog's, then those added for kinds it lacked. */
export interface ChannelChoice {
  /** The catalog's channels and, after them, the added ones. */
  readonly channels: readonly Channel[];
  /** The channel a collection of `kind` for the service gets. */
  readonly channelId: (kind: ChannelKind, serviceId: string) => string;
}

/**
 * Picks, for a service and a channel kind, one of the catalog's channels of that kind (the service's own first, then
 * its agency's, then one of no agency), or adds one with a `channel_added` warning when the catalog has none.
 */
export function chooseChannels(catalog: Catalog, warnings: Warnings): ChannelChoice {
  const serviceById = new Map(catalog.services.map((s) => [s.id, s]));
  const channels = [...catalog.channels];
  const takenChannelIds = new Set(channels.map((c) => c.id));
  const channelFor = new Map<string, string>();
  const channelId = (kind: ChannelKind, serviceId: string): string => {
    const key = `${serviceId}\u0000${kind}`;
    const chosenBefore = channelFor.get(key);
    if (chosenBefore !== undefined) return chosenBefore;
    const service = known(serviceById, serviceId);
    const ofKind = channels.filter((c) => c.kind === kind).sort((a, b) => byText(a.id, b.id));
    const chosen =
      ofKind.find((c) => service.channels.includes(c.id)) ??
      ofKind.find((c) => c.agency === service.agency) ??
      ofKind.find((c) => c.agency === undefined) ??
      ofKind[0];
    let id: string;
    if (chosen !== undefined) id = chosen.id;
    else {
      id = uniqueId(kind, takenChannelIds);
      channels.push({ id, name: CHANNEL_NAMES[kind], kind });
      warnings.add("channel_added", `the catalog had no '${kind}' channel; added channel '${id}'`);
    }
    channelFor.set(key, id);
    return id;
  };
  return { channels, channelId };
}
