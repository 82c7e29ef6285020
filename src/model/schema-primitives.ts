/**
 * The building blocks of the catalog's schemas: ids, names, texts, minutes, shares, counts and dates.
 */
import * as z from "zod";

/**
 * An identifier written by the user: a letter first, then letters, digits, `-`, `_` or `.`; at most 100
 * characters. Ids are unique per kind (agencies, channels, services, ...); step ids are unique within a service
 * and link ids within a life experience.
 *
 * @example
 * ```ts
 * import { IdSchema } from "service-blueprint";
 * IdSchema.safeParse("ssa-retirement").success; // true
 * IdSchema.safeParse("1 bad id").success; // false
 * ```
 */
export const IdSchema = z
  .string()
  .max(100)
  .regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, {
    message: "an id starts with a letter and holds only letters, digits, '-', '_' and '.'",
  })
  .meta({ description: "An identifier: a letter, then letters, digits, '-', '_' or '.'." });

export const Name = z.string().trim().min(1).max(500);
export const Text = z.string().max(20_000);
export const Minutes = z.number().finite().min(0);
export const Share = z.number().finite().min(0).max(1);
export const Count = z.number().int().min(0);
export const IsoDate = z.iso.date();
export const IdList = z.array(IdSchema).default([]);
