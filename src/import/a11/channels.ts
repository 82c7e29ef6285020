/** The CSV's channel words, the federal channel kinds they stand for, and the names of the channels the importer adds. */
import { CHANNEL_KINDS, type ChannelKind } from "../../model/vocabulary.js";

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

export function channelKindOf(cell: string): ChannelKind | "mixed" | "missing" | undefined {
  if (cell === "") return "missing";
  if (cell === "mixed") return "mixed";
  const key = cell.replace(/[\s-]+/g, "_");
  const direct = CSV_CHANNELS[key];
  if (direct !== undefined) return direct;
  const kebab = cell.replace(/[\s_]+/g, "-");
  return (CHANNEL_KINDS as readonly string[]).includes(kebab) ? (kebab as ChannelKind) : undefined;
}
