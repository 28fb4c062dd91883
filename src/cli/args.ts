/** Command-line arguments: positional words and `--name value` / `--flag` options. */

export interface ParsedArgs {
  readonly positional: string[];
  readonly options: Map<string, string | true>;
}

/** Options that take no value. */
const FLAGS = new Set(["json", "no-intercept", "help", "no-header"]);

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg.startsWith("--")) {
      const eq = arg.indexOf("=");
      const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
      if (eq > 0) options.set(name, arg.slice(eq + 1));
      else if (FLAGS.has(name)) options.set(name, true);
      else if (i + 1 < argv.length) options.set(name, argv[++i]);
      else throw new UsageError(`--${name} needs a value.`);
    } else {
      positional.push(arg);
    }
  }
  return { positional, options };
}

/** A mistake on the command line (exit code 2). */
export class UsageError extends Error {}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.options.get(name);
  if (value === true) throw new UsageError(`--${name} needs a value.`);
  return value;
}

export function requireOption(args: ParsedArgs, name: string): string {
  const value = stringOption(args, name);
  if (value === undefined || value === "") throw new UsageError(`--${name} is required.`);
  return value;
}

export function numberOption(args: ParsedArgs, name: string, fallback: number): number {
  const value = stringOption(args, name);
  if (value === undefined) return fallback;
  const number = Number(value);
  if (value.trim() === "" || !Number.isFinite(number)) {
    throw new UsageError(`--${name} must be a number; got "${value}".`);
  }
  return number;
}

/** A comma-separated list of column names ("TV,Radio,Social Media"); names are trimmed. */
export function listOption(args: ParsedArgs, name: string): string[] {
  return requireOption(args, name)
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}
