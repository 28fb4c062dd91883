/** The `mmm` process: runs `runCli` on the arguments, writes its output, sets the exit code. */
import { runCli } from "./main";

const { stdout, stderr, exitCode } = runCli(process.argv.slice(2));
if (stdout) process.stdout.write(stdout + "\n");
if (stderr) process.stderr.write(stderr.replace(/\s*\n\s*/g, " ") + "\n");
process.exitCode = exitCode;
