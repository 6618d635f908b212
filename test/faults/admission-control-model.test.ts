import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AdmissionControl } from "../../src/resilience/admission-control";

/**
 * AdmissionControl against a plain model: a FIFO queue in front of a counter. Random
 * sequences of acquire (with 1 to 3 permits), release of a held or waiting ticket, and the
 * model's verdicts (granted now, queued, refused) must agree step by step.
 */
describe("AdmissionControl", () => {
  it("grants, queues and refuses exactly as a FIFO queue in front of a counter", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 3 }),
        fc.array(
          fc.oneof(
            fc.integer({ min: 1, max: 3 }).map((n) => ({ acquire: n })),
            fc.nat().map((k) => ({ release: k })),
          ),
          {
            maxLength: 60,
          },
        ),
        async (maxRunning, maxQueued, steps) => {
          const control = new AdmissionControl(maxRunning, maxQueued);
          type Entry = { permits: number; granted: boolean; release: () => void; done: () => boolean };
          const live: Entry[] = [];
          // The model.
          let running = 0;
          const queue: Entry[] = [];
          const drain = () => {
            while (queue.length > 0 && running + queue[0]!.permits <= maxRunning) {
              const next = queue.shift()!;
              running += next.permits;
              next.granted = true;
            }
          };
          for (const step of steps) {
            if ("acquire" in step) {
              const permits = Math.min(step.acquire, maxRunning);
              const ticket = control.tryAcquire(step.acquire);
              const grantNow = queue.length === 0 && running + permits <= maxRunning;
              if (!grantNow && queue.length >= maxQueued) {
                expect(ticket).toBeUndefined();
                continue;
              }
              expect(ticket).toBeDefined();
              let settled = false;
              void ticket!.granted.then(() => (settled = true));
              const entry: Entry = {
                permits,
                granted: grantNow,
                release: ticket!.release,
                done: () => settled,
              };
              if (grantNow) running += permits;
              else queue.push(entry);
              live.push(entry);
            } else if (live.length > 0) {
              const entry = live.splice(step.release % live.length, 1)[0]!;
              entry.release();
              if (entry.granted) {
                running -= entry.permits;
                drain();
              } else {
                queue.splice(queue.indexOf(entry), 1);
                drain();
              }
            }
            await Promise.resolve();
            await Promise.resolve();
            expect(control.stats()).toEqual({ running, queued: queue.length });
            for (const entry of live) expect(entry.done()).toBe(entry.granted);
          }
        },
      ),
      { numRuns: 300, seed: 18 },
    );
  });
});
