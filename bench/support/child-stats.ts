/**
 * A bench child process answers its parent over stdin/stdout, one line each way:
 * - `stats` → `reply {"cpuMicros":…,"commands":…}`: what it has spent so far; two
 *   readings around a load run give its CPU time and database commands per request;
 * - `profile-start` / `profile-stop <file>` → `reply {}`: a V8 CPU profile of the
 *   process between the two (node:inspector), written to <file> as a .cpuprofile.
 * So bench/gateway.bench.ts measures the gateway without sharing its process.
 */
import type { ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { createInterface, type Interface } from "node:readline";
import type { MongoClient } from "mongodb";

/** Cumulative figures of one child process since it started. */
export interface ChildStats {
  /** User + system CPU time of the process (process.cpuUsage), in microseconds. */
  cpuMicros: number;
  /** Commands its MongoClient started (command monitoring; needs `monitorCommands: true`). */
  commands: number;
}

const REPLY_LINE = /^reply (\{.*\})$/;

/**
 * In a child: counts the commands `client` starts (if any) and answers the parent's lines on
 * stdin. Resolves when stdin ends (the parent's signal to stop).
 */
export function serveChildStats(client?: MongoClient): Promise<void> {
  let commands = 0;
  client?.on("commandStarted", () => {
    commands += 1;
  });
  let profiler: Session | undefined;
  const answer = async (line: string): Promise<object> => {
    const [command, argument] = line.trim().split(/ (.*)/);
    if (command === "stats") {
      const { user, system } = process.cpuUsage();
      return { cpuMicros: user + system, commands };
    }
    if (command === "profile-start") {
      profiler = new Session();
      profiler.connect();
      await profiler.post("Profiler.enable");
      await profiler.post("Profiler.start");
      return {};
    }
    if (command === "profile-stop" && profiler && argument) {
      const { profile } = await profiler.post("Profiler.stop");
      profiler.disconnect();
      profiler = undefined;
      writeFileSync(argument, JSON.stringify(profile));
      return {};
    }
    return { error: `unknown command: ${line}` };
  };
  const input = createInterface({ input: process.stdin });
  input.on("line", (line) => {
    void answer(line).then((reply) => process.stdout.write(`reply ${JSON.stringify(reply)}\n`));
  });
  return new Promise((resolve) => input.once("close", resolve));
}

/** In the parent: sends `command` to the child and resolves with its reply; `lines` reads its stdout. */
export function childCommands(child: ChildProcess, lines: Interface): (command: string) => Promise<unknown> {
  const waiting: ((reply: unknown) => void)[] = [];
  lines.on("line", (line) => {
    const match = REPLY_LINE.exec(line);
    if (match) waiting.shift()?.(JSON.parse(match[1]!));
  });
  return (command) =>
    new Promise((resolve) => {
      waiting.push(resolve);
      child.stdin!.write(`${command}\n`);
    });
}

/** Per request between two readings: CPU milliseconds and database commands. */
export function perRequest(
  before: ChildStats,
  after: ChildStats,
  requests: number,
): { cpuMs: number; commands: number } {
  const n = Math.max(requests, 1);
  return {
    cpuMs: (after.cpuMicros - before.cpuMicros) / 1000 / n,
    commands: (after.commands - before.commands) / n,
  };
}
