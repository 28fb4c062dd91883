/**
 * The threads an analysis may share its heaviest work with (engine/parallel.ts). A worker of the
 * page's pool installs helpers of its own (nested workers: they end with it, so Cancel still
 * stops everything); the CLI installs Node worker threads; elsewhere work runs on one thread.
 */
import { EngineError, type EngineErrorCode } from "../engine/errors";
import { oneThread, type Task, type TaskResult, type Threads } from "../engine/parallel";
import { JobFailed, type WorkerPool } from "./workerPool";

let installed: Threads = oneThread;

export function currentThreads(): Threads {
  return installed;
}

export function installThreads(threads: Threads): void {
  installed = threads;
}

interface Waiting {
  readonly task: Task;
  readonly resolve: (result: TaskResult) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * A pool of helpers taking tasks from one line: each helper takes the next task as soon as it is
 * free, so restarts and shares of uneven length even out. This thread only hands tasks out: were
 * it to work too, the helpers would wait for it between tasks (their answers queue behind its
 * work), which measured slower than leaving it free.
 */
export class SharedThreads implements Threads {
  private readonly line: Waiting[] = [];
  private idle: number;

  constructor(
    private readonly helpers: WorkerPool,
    readonly count: number,
  ) {
    this.idle = count;
  }

  run(tasks: readonly Task[]): Promise<TaskResult[]> {
    const results = tasks.map(
      (task) =>
        new Promise<TaskResult>((resolve, reject) => this.line.push({ task, resolve, reject })),
    );
    this.serve();
    return Promise.all(results);
  }

  private serve(): void {
    while (this.idle > 0 && this.line.length > 0) {
      const next = this.line.shift()!;
      this.idle--;
      this.helpers
        .run({ kind: "task", task: next.task })
        .then(next.resolve, (error: unknown) => next.reject(asEngineError(error)))
        .finally(() => {
          this.idle++;
          this.serve();
        });
    }
  }
}

/** A helper's EngineError arrives as a failed job with its code; it leaves as an EngineError. */
function asEngineError(error: unknown): unknown {
  if (error instanceof JobFailed && error.code !== undefined) {
    return new EngineError(error.code as EngineErrorCode, error.message);
  }
  return error;
}
