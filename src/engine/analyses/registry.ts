/**
 * The analyses the task pane offers, one entry each: the roles its columns play, its options
 * with defaults, the checks to show before Run, and the run itself from columns to a report.
 * The pane, the worker and the results sheet work from these entries only, so a new analysis is
 * a new entry (a new file), not an edit across the pane.
 */
import type { Threads } from "../parallel";
import type { Column } from "../data/types";
import { abTestEntry } from "./abtestEntry";
import { compareGroupsEntry } from "./compareGroupsEntry";
import { correlationEntry } from "./correlationEntry";
import { describeEntry } from "./describeEntry";
import { segmentEntry } from "./segmentEntry";
import { simulateEntry } from "./simulateEntry";
import { olsEntry } from "./olsEntry";
import type { Report } from "./report";

export interface RoleSpec {
  readonly id: string;
  readonly label: string;
  /** Numeric columns only, or any column (text columns are then dummy-coded or grouped). */
  readonly accepts: "numeric" | "any";
  readonly multiple: boolean;
  /** A single-column role the user may leave empty (a by-column); the pane offers "(none)". */
  readonly optional?: boolean;
}

export type OptionSpec =
  | {
      readonly id: string;
      readonly label: string;
      readonly kind: "boolean";
      readonly default: boolean;
    }
  | {
      readonly id: string;
      readonly label: string;
      readonly kind: "number";
      readonly default: number;
      readonly min: number;
      readonly max: number;
    }
  | {
      readonly id: string;
      readonly label: string;
      /** Free text over several lines, such as plan rows typed in the pane. */
      readonly kind: "text";
      readonly default: string;
    }
  | {
      readonly id: string;
      readonly label: string;
      readonly kind: "choice";
      readonly default: string;
      readonly choices: readonly { readonly value: string; readonly label: string }[];
    };

export type OptionValues = Readonly<Record<string, boolean | number | string>>;

/** What the user picked: the columns for each role, and the options. */
export interface AnalysisInput {
  readonly roles: Readonly<Record<string, readonly Column[]>>;
  readonly options: OptionValues;
}

export interface AnalysisEntry {
  readonly id: string;
  readonly title: string;
  /** Results sheets are named after it: `OLS 1`, `Groups 2`. */
  readonly sheetName: string;
  readonly roles: readonly RoleSpec[];
  readonly options: readonly OptionSpec[];
  /** Messages to show before Run; empty when the input can run. */
  validate(input: AnalysisInput): string[];
  /**
   * Runs the analysis; throws (or rejects with) EngineError for data it cannot use. `threads`
   * share the heaviest work where an analysis can split it; `progress` hears how far a long
   * analysis has got (0 to 1), where it can tell.
   */
  run(
    input: AnalysisInput,
    threads?: Threads,
    progress?: (fraction: number) => void,
  ): Report | Promise<Report>;
  /**
   * The report as live worksheet formulas over the source range, when the analysis has a
   * worksheet function: the cells of a new sheet and their formulas, or why the choice cannot be
   * written as formulas.
   */
  liveFormulas?(input: AnalysisInput, source: LiveSource): LiveSheet | string;
}

/** The source range with its sheet (`Sales!A1:E573`), and its column names in order. */
export interface LiveSource {
  readonly address: string;
  readonly columnNames: readonly string[];
}

export interface LiveSheet {
  readonly title: string;
  /** Cells of the new sheet (`A3`) and the formulas to put there. */
  readonly formulas: readonly { readonly cell: string; readonly formula: string }[];
}

export const ANALYSES: readonly AnalysisEntry[] = [
  olsEntry,
  compareGroupsEntry,
  abTestEntry,
  describeEntry,
  correlationEntry,
  segmentEntry,
  simulateEntry,
];

/** The option values with every default filled in. */
export function withDefaults(entry: AnalysisEntry, options: OptionValues): OptionValues {
  return Object.fromEntries(
    entry.options.map((option) => [option.id, options[option.id] ?? option.default]),
  );
}
