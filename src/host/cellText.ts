/**
 * Rules both hosts share for what they write: text Excel (or the preview, which reads typed
 * text the same way) would parse into something else gets a leading apostrophe, and the
 * question asked before overwriting cells.
 */

/** Text Excel would turn into a formula, or whose leading apostrophe it would swallow. */
const FORMULA_LIKE = /^[=+\-@']/;
/** Text Excel would turn into a number, a percentage, a boolean or an error value. */
const VALUE_LIKE =
  /^([+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?%?|true|false|#N\/A|#VALUE!|#REF!|#DIV\/0!|#NUM!|#NAME\?|#NULL!)$/i;

/** The text as it must be typed so the cell holds exactly that text. */
export function escapeText(text: string): string {
  return FORMULA_LIKE.test(text) || VALUE_LIKE.test(text.trim()) ? `'${text}` : text;
}

/** "Sheet1!A1:B2 holds 1 non-empty cell. Overwrite it?" */
export function overwriteQuestion(address: string, nonEmptyCells: number): string {
  return nonEmptyCells === 1
    ? `${address} holds 1 non-empty cell. Overwrite it?`
    : `${address} holds ${nonEmptyCells} non-empty cells. Overwrite them?`;
}
