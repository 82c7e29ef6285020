/**
 * Escaping for the HTML report: text, attribute values, and JSON placed inside a `<script>` element.
 */

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
  "`": "&#96;",
};

/**
 * Escapes text for HTML element content and quoted attribute values: `& < > " ' \``.
 *
 * @internal
 */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"'`]/g, (c) => HTML_ESCAPES[c] ?? c);
}

/**
 * JSON safe to place in `<script type="application/json">`: `<`, `>`, `&` and the line separators U+2028 and
 * U+2029 are written as `\uXXXX` escapes, so no `</script>` or `<!--` can end or change the element.
 *
 * @internal
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * Base64 of a UTF-8 string, for `data:` URLs (no Node `Buffer` needed).
 *
 * @internal
 */
export function base64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}
