/**
 * Drops suggestions too short to be worth a glance and a keystroke: fewer than two visible
 * characters (a lone `)` or `;` costs as much attention as it saves).
 */
import type { Filter } from "./filterContext";

export const MIN_VISIBLE_CHARS = 2;

export const dropTooShort: Filter = (text) => (text.replace(/\s+/g, "").length < MIN_VISIBLE_CHARS ? "" : text);
