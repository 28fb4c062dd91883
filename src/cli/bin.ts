/**
 * The `mmm` process: runs `runCli` on the arguments, writes its output, sets the exit code. The
 * same bundle, started as a worker thread, serves as a helper that takes shares of the work.
 */
import { isMainThread } from "node:worker_threads";
import { installThreads } from "../workers/threads";
import { runCli } from "./main";
import { nodeThreads, serveJobs } from "./nodeThreads";

if (isMainThread) {
  const threads = nodeThreads(__filename);
  if (threads !== null) installThreads(threads);
  void runCli(process.argv.slice(2)).then(({ stdout, stderr, exitCode }) => {
    if (stdout) process.stdout.write(stdout + "\n");
    if (stderr) process.stderr.write(stderr.replace(/\s*\n\s*/g, " ") + "\n");
    process.exitCode = exitCode;
  });
} else {
  serveJobs();
}
