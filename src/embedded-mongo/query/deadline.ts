import { CommandError } from "../errors/command-error";

/** maxTimeMS: checked every few hundred documents so the check itself stays cheap. */
export class Deadline {
  private ticks = 0;
  private readonly at: number;

  constructor(maxTimeMS: unknown) {
    const ms = typeof maxTimeMS === "number" && maxTimeMS > 0 ? maxTimeMS : 0;
    this.at = ms > 0 ? Date.now() + ms : Infinity;
  }

  get limited(): boolean {
    return this.at !== Infinity;
  }

  tick(): void {
    if (this.at === Infinity || ++this.ticks & 255) return;
    this.check();
  }

  check(): void {
    if (Date.now() > this.at) throw new CommandError(50, "operation exceeded time limit");
  }
}
