import type { Command } from "commander";
import { parseDuration } from "../../operations/parse-duration";
import { refreshRollups } from "../../operations/refresh-rollups";
import { rollupStatus } from "../../operations/rollup-status";
import { formatBytes } from "./format-output";
import { registerReportCommand } from "./report-command";
import { runDbAction } from "./run-db-action";

/** `jupiter db rollups rebuild [--chunk 1d]` and `jupiter db rollups status [--json]`. */
export function registerRollupsCommand(db: Command): void {
  const rollups = db
    .command("rollups")
    .description("the alert rollups (alert_rollups): rebuild them, or show watermark, lag and size");

  rollups
    .command("rebuild")
    .description(
      "recompute alert_rollups (and its coarser tiers: hours, six hours, days, months) from every alert, under the rollups lease; safe to interrupt and re-run",
    )
    .option("--chunk <duration>", "time recomputed per step (one progress line each): 1d, 12h …", "1d")
    .action(async (options: { chunk: string }) => {
      await runDbAction("rollups rebuild", async ({ db: database, reporting, print }) => {
        // Ctrl-C or SIGTERM: stop after the current step, release the lease, leave the watermark.
        const controller = new AbortController();
        const abort = () => controller.abort();
        process.once("SIGINT", abort);
        process.once("SIGTERM", abort);
        try {
          const result = await refreshRollups(database, {
            ...reporting,
            now: new Date(),
            // A rebuild recomputes everything; the lookback is the gateway's refresh's business.
            lookbackMs: 0,
            full: true,
            chunkMs: parseDuration(options.chunk),
            waitMs: 30_000,
            signal: controller.signal,
          });
          print(
            `rebuilt alert_rollups up to ${result.watermark?.toISOString() ?? "-"}: ${result.written} documents written, ${result.removed} removed`,
          );
          print(
            `coarser tiers (hours, six hours, days, months): ${result.tiers.written} documents written, ${result.tiers.removed} removed`,
          );
        } finally {
          process.off("SIGINT", abort);
          process.off("SIGTERM", abort);
        }
      });
    });

  registerReportCommand(rollups, {
    command: "rollups status",
    description: "watermark, lag behind now, documents and size of alert_rollups, dirty buckets",
    read: ({ db: database }) => rollupStatus(database),
    printText: (status, print) => {
      if (!status.watermark) {
        print(
          "alert_rollups: not built yet (a gateway with ROLLUPS=on builds it, or jupiter db rollups rebuild)",
        );
      } else {
        print(`watermark: ${status.watermark.toISOString()} (complete for alerts raised before it)`);
        print(`lag: ${Math.round((status.lagMs ?? 0) / 1000)} s`);
        print(`last refresh: ${status.refreshedAt?.toISOString() ?? "-"}`);
        print(`last rebuild: ${status.rebuiltAt?.toISOString() ?? "-"}`);
      }
      print(
        `size: ${status.documents} documents, ${formatBytes(status.bytes)}, counting ${status.alertsCounted} of ${status.alerts} alerts`,
      );
      print(`dirty buckets: ${status.dirtyBuckets}`);
      print(
        `tiers: ${status.tiers.map((tier) => `${tier.collection} ${tier.documents} documents`).join(", ")}`,
      );
    },
  });
}
