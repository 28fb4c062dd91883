/**
 * The threads an analysis may share its heaviest work with (engine/parallel.ts). A worker of the
 * page's pool installs helpers of its own (nested workers: they end with it, so Cancel still
 * stops everything); the CLI installs Node worker threads; elsewhere work runs on one thread.
 */
import { EngineError, type EngineErrorCode } from "../engine/errors";
import { oneThread, runTask, type Task, type TaskResult, type Threads } from "../engine/parallel";
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
 * work), which measured slower than leaving it free. Where helpers cannot start or crash, the
 * tasks run on this thread instead.
 */
export class SharedThreads implements Threads {
  private readonly line: Waiting[] = [];
  private idle: number;
  /** Set when a helper failed to start or crashed: from then on, tasks run on this thread. */
  private broken = false;

  constructor(
    private readonly helpers: WorkerPool,
    readonly count: number,
  ) {
    this.idle = count;
  }

  run(tasks: readonly Task[]): Promise<TaskResult[]> {
    const results = tasks.map(
      (task) =>
        new Promise<TaskResult>((resolve, reject) => {
          if (this.broken) settle({ task, resolve, reject });
          else this.line.push({ task, resolve, reject });
        }),
    );
    this.serve();
    return Promise.all(results);
  }

  private serve(): void {
    while (this.broken && this.line.length > 0) settle(this.line.shift()!);
    while (this.idle > 0 && this.line.length > 0) {
      const next = this.line.shift()!;
      this.idle--;
      this.helpers
        .run({ kind: "task", task: next.task })
        .then(next.resolve, (error: unknown) => {
          if (error instanceof JobFailed && error.code !== undefined) {
            next.reject(new EngineError(error.code as EngineErrorCode, error.message));
          } else {
            // The helper could not start or crashed: the task runs here instead.
            this.broken = true;
            settle(next);
          }
        })
        .finally(() => {
          this.idle++;
          this.serve();
        });
    }
  }
}

function settle(waiting: Waiting): void {
  try {
    waiting.resolve(runTask(waiting.task));
  } catch (error) {
    waiting.reject(error);
  }
}
