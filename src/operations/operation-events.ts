/** Progress of one long step: `done` out of `total` units (documents, usually). */
export interface ProgressEvent {
  task: string;
  done: number;
  total: number;
}

/** What every operation accepts for reporting; all optional, silent by default. */
export interface OperationReporting {
  /** Called when a long step starts (done 0) and after each batch. */
  onProgress?: (event: ProgressEvent) => void;
  /** One human-readable line about what happened (the CLI prints them). */
  log?: (line: string) => void;
}

export function reporterOf(options: OperationReporting): {
  progress: (task: string, done: number, total: number) => void;
  log: (line: string) => void;
} {
  return {
    progress: (task, done, total) => options.onProgress?.({ task, done, total }),
    log: (line) => options.log?.(line),
  };
}
