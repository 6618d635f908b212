import { MultiBar, Presets, type SingleBar } from "cli-progress";
import type { ProgressEvent } from "../../operations/operation-events";

export interface ProgressDisplay {
  update(event: ProgressEvent): void;
  /** A line about the work: above the bars while they are on screen, else stdout. */
  log(line: string): void;
  /** A line of the result: always stdout; held back until the bars are gone. */
  print(line: string): void;
  stop(): void;
}

/**
 * Progress of long work: a cli-progress bar per task on a terminal (stderr), plain lines
 * otherwise — at the start, at most once every `intervalMs`, and at the end of each task —
 * so that logs and CI output stay readable.
 */
export function createProgressDisplay(
  stream: NodeJS.WriteStream = process.stderr,
  intervalMs = 2_000,
): ProgressDisplay {
  if (stream.isTTY) return barDisplay(stream);
  const lastPrinted = new Map<string, number>();
  return {
    update({ task, done, total }) {
      const now = Date.now();
      const last = lastPrinted.get(task);
      const finished = done >= total;
      if (last !== undefined && !finished && now - last < intervalMs) return;
      if (finished && last === Infinity) return;
      lastPrinted.set(task, finished ? Infinity : now);
      const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
      stream.write(`progress ${task}: ${done}/${total} (${percent}%)\n`);
    },
    log(line) {
      console.log(line);
    },
    print(line) {
      console.log(line);
    },
    stop() {},
  };
}

function barDisplay(stream: NodeJS.WriteStream): ProgressDisplay {
  const multi = new MultiBar(
    {
      stream,
      format: "{task} [{bar}] {percentage}% | {value}/{total} | {duration_formatted} | ETA {eta_formatted}",
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 50,
    },
    Presets.shades_classic,
  );
  const bars = new Map<string, SingleBar>();
  const held: string[] = [];
  return {
    update({ task, done, total }) {
      let bar = bars.get(task);
      if (!bar) {
        bar = multi.create(total, 0, { task: task.padEnd(10) });
        bars.set(task, bar);
      }
      bar.setTotal(total);
      bar.update(done, { task: task.padEnd(10) });
    },
    log(line) {
      if (bars.size > 0) multi.log(`${line}\n`);
      else console.log(line);
    },
    print(line) {
      if (bars.size > 0) held.push(line);
      else console.log(line);
    },
    stop() {
      if (bars.size > 0) {
        multi.update(); // writes the log lines still buffered
        multi.stop();
        bars.clear();
      }
      for (const line of held.splice(0)) console.log(line);
    },
  };
}
