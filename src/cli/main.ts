/**
 * The `mmm` command line: `npm run --silent mmm -- <command> FILE.csv [options] [--json]`.
 * Output on stdout; any failure is one line on stderr and a non-zero exit (1 for a problem with
 * the data, 2 for a usage mistake). bin.ts is the process around `runCli`.
 */
import { isEngineError } from "../engine/errors";
import { InputError, parseArgs, UsageError } from "./args";
import { ABTEST_USAGE, runAbTestCommand } from "./abtestCommand";
import { KMEANS_USAGE, runKMeansCommand } from "./kmeansCommand";
import { CORR_USAGE, DESCRIBE_USAGE, runCorrCommand, runDescribeCommand } from "./exploreCommand";
import { ANOVA_USAGE, runAnovaCommand, runTukeyCommand, TUKEY_USAGE } from "./groupsCommand";
import { OLS_USAGE, runOlsCommand } from "./olsCommand";
import { runSimulateCommand, SIMULATE_USAGE } from "./simulateCommand";

const USAGE = `usage:\n  ${[OLS_USAGE, ANOVA_USAGE, TUKEY_USAGE, DESCRIBE_USAGE, CORR_USAGE, ABTEST_USAGE, KMEANS_USAGE, SIMULATE_USAGE].join("\n  ")}`;

export async function runCli(argv: readonly string[]): Promise<{
  stdout: string;
  stderr: string;
  exitCode: number;
}> {
  try {
    const args = parseArgs(argv);
    const command = args.positional[0];
    if (command === undefined || args.options.has("help"))
      return { stdout: USAGE, stderr: "", exitCode: 0 };
    switch (command) {
      case "ols":
        return { stdout: runOlsCommand(args), stderr: "", exitCode: 0 };
      case "anova":
        return { stdout: runAnovaCommand(args), stderr: "", exitCode: 0 };
      case "tukey":
        return { stdout: runTukeyCommand(args), stderr: "", exitCode: 0 };
      case "describe":
        return { stdout: runDescribeCommand(args), stderr: "", exitCode: 0 };
      case "corr":
        return { stdout: runCorrCommand(args), stderr: "", exitCode: 0 };
      case "abtest":
        return { stdout: runAbTestCommand(args), stderr: "", exitCode: 0 };
      case "kmeans":
        return { stdout: await runKMeansCommand(args), stderr: "", exitCode: 0 };
      case "simulate":
        return { stdout: runSimulateCommand(args), stderr: "", exitCode: 0 };
      default:
        throw new UsageError(`unknown command "${command}"; ${USAGE.replace("\n", " ")}`);
    }
  } catch (error) {
    if (isEngineError(error)) return { stdout: "", stderr: `mmm: ${error.message}`, exitCode: 1 };
    if (error instanceof InputError)
      return { stdout: "", stderr: `mmm: ${error.message}`, exitCode: 1 };
    if (error instanceof UsageError)
      return { stdout: "", stderr: `mmm: ${error.message}`, exitCode: 2 };
    const message = error instanceof Error ? error.message : String(error);
    return { stdout: "", stderr: `mmm: internal error: ${message.split("\n")[0]}`, exitCode: 3 };
  }
}
