/**
 * The formulas the preview evaluates: `=MMM.NAME(arg, ...)` with arguments that are A1
 * references, numbers, "strings", TRUE/FALSE, or left empty (an omitted optional argument).
 * Anything else is reported, never guessed at: the preview is a stand-in for Excel's own
 * formula engine only as far as the MMM functions need.
 */
import { parseRange, type RangeReference } from "./address";

export type FormulaArgument =
  | { readonly kind: "range"; readonly reference: RangeReference }
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "string"; readonly value: string }
  | { readonly kind: "boolean"; readonly value: boolean }
  | { readonly kind: "omitted" };

export interface ParsedFormula {
  /** The function's id without the namespace: `OLS`. */
  readonly name: string;
  readonly args: readonly FormulaArgument[];
}

export class FormulaSyntaxError extends Error {}

const CALL = /^=\s*MMM\.([A-Za-z][A-Za-z0-9_]*)\s*\(([\s\S]*)\)\s*$/i;

export function isFormula(input: string): boolean {
  return input.startsWith("=");
}

export function parseFormula(input: string): ParsedFormula {
  const match = CALL.exec(input.trim());
  if (match === null) {
    throw new FormulaSyntaxError(
      "The preview evaluates MMM functions only, written as =MMM.NAME(arguments).",
    );
  }
  return { name: match[1].toUpperCase(), args: splitArguments(match[2]).map(parseArgument) };
}

/** Splits on commas outside double quotes. */
function splitArguments(text: string): string[] {
  if (text.trim() === "") return [];
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      if (quoted && text[i + 1] === '"') {
        current += '""';
        i++;
        continue;
      }
      quoted = !quoted;
    }
    if (ch === "," && !quoted) {
      parts.push(current);
      current = "";
    } else {
      current += ch;
    }
  }
  if (quoted) throw new FormulaSyntaxError("A string in the formula has no closing quote.");
  parts.push(current);
  return parts;
}

function parseArgument(raw: string): FormulaArgument {
  const text = raw.trim();
  if (text === "") return { kind: "omitted" };
  if (text.startsWith('"') && text.endsWith('"') && text.length >= 2) {
    return { kind: "string", value: text.slice(1, -1).replace(/""/g, '"') };
  }
  if (/^(true|false)$/i.test(text))
    return { kind: "boolean", value: text.toLowerCase() === "true" };
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text))
    return { kind: "number", value: Number(text) };
  const reference = parseRange(text);
  if (reference !== null) return { kind: "range", reference };
  throw new FormulaSyntaxError(`"${text}" is not a reference, a number, a "string" or TRUE/FALSE.`);
}
