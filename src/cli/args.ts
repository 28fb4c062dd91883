/** Command-line arguments: positional words and `--name value` / `--flag` options. */

export interface ParsedArgs {
  readonly positional: string[];
  readonly options: Map<string, string | true>;
}

/** Options that take no value. */
const FLAGS = new Set(["json", "no-intercept", "no-standardize", "help"]);

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg.startsWith("--")) {
      const eq = arg.indexOf("=");
      const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
      if (eq > 0 && FLAGS.has(name)) throw new UsageError(`--${name} takes no value.`);
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

/** A file that cannot be read (exit code 1, like bad data). */
export class InputError extends Error {}

/** Refuses options the command does not know and positional words beyond `positionalCount`. */
export function expectArguments(
  args: ParsedArgs,
  known: readonly string[],
  positionalCount: number,
): void {
  for (const name of args.options.keys()) {
    if (!known.includes(name)) {
      throw new UsageError(
        `unknown option --${name}; the options are ${known.map((k) => `--${k}`).join(", ")}.`,
      );
    }
  }
  if (args.positional.length > positionalCount) {
    throw new UsageError(`unexpected argument "${args.positional[positionalCount]}".`);
  }
}

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
  const names = requireOption(args, name)
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  if (names.length === 0) throw new UsageError(`--${name} needs at least one column name.`);
  return names;
}
