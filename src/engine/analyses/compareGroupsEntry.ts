/** The task pane's "Compare groups": one-way ANOVA with Tukey HSD or Games-Howell. */
import { sourceColumns } from "./liveRanges";
import { compareGroupsReport } from "./groupsReport";
import { runPairwise } from "./groups";
import type { AnalysisEntry, AnalysisInput, LiveSheet, LiveSource } from "./registry";
import type { PairwiseMethod } from "../models/pairwise";

export const compareGroupsEntry = {
  id: "groups",
  title: "Compare groups (ANOVA, Tukey)",
  sheetName: "Groups",
  roles: [
    { id: "value", label: "Values", accepts: "numeric", multiple: false },
    { id: "group", label: "Groups", accepts: "any", multiple: false },
  ],
  options: [
    {
      id: "method",
      label: "Pairwise comparisons",
      kind: "choice",
      default: "tukey",
      choices: [
        { value: "tukey", label: "Tukey HSD (equal variances)" },
        { value: "games-howell", label: "Games-Howell (unequal variances)" },
      ],
    },
    {
      id: "alpha",
      label: "Family-wise alpha",
      kind: "number",
      default: 0.05,
      min: 0.001,
      max: 0.2,
    },
  ],
  validate(input: AnalysisInput): string[] {
    const messages: string[] = [];
    const value = input.roles.value ?? [];
    const group = input.roles.group ?? [];
    if (value.length !== 1) messages.push("Choose the column of values to compare.");
    else if (value[0].kind !== "numeric")
      messages.push(`The values "${value[0].name}" hold text; choose a numeric column.`);
    if (group.length !== 1) messages.push("Choose the column that says each row's group.");
    if (value.length === 1 && group.length === 1 && value[0].name === group[0].name)
      messages.push(`"${value[0].name}" cannot be both the values and the groups.`);
    const alpha = input.options.alpha;
    if (typeof alpha === "number" && !(alpha >= 0.001 && alpha <= 0.2))
      messages.push("Alpha must be between 0.001 and 0.2 (for example 0.05).");
    return messages;
  },
  run(input: AnalysisInput) {
    return compareGroupsReport(
      runPairwise(input.roles.value[0], input.roles.group[0], {
        alpha: typeof input.options.alpha === "number" ? input.options.alpha : 0.05,
        method: (input.options.method as PairwiseMethod | undefined) ?? "tukey",
      }),
    );
  },
  liveFormulas(input: AnalysisInput, source: LiveSource): LiveSheet | string {
    const columns = sourceColumns(source);
    if (typeof columns === "string") return columns;
    const value = columns.column(input.roles.value[0].name);
    const group = columns.column(input.roles.group[0].name);
    const alpha = typeof input.options.alpha === "number" ? input.options.alpha : 0.05;
    const method = input.options.method === "games-howell" ? ', "games-howell"' : "";
    return {
      title: `Compare groups (live formulas): ${input.roles.value[0].name} by ${input.roles.group[0].name}`,
      formulas: [
        { cell: "A3", formula: `=MMM.ANOVA(${value}, ${group})` },
        { cell: "H3", formula: `=MMM.TUKEY(${value}, ${group}, ${alpha}${method})` },
      ],
    };
  },
} satisfies AnalysisEntry;
