import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Readable, Writable } from "node:stream";
import { CdpPipe } from "./cdp-pipe";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** A running headless Chromium driven over the DevTools protocol. */
export interface ChromiumBrowser {
  cdp: CdpPipe;
  /** Closes the browser (which also finishes its net log) and removes its profile. */
  close(): Promise<void>;
}

/**
 * Starts Debian's Chromium headless with a throwaway profile and no background
 * services. `netLogFile` records every request the browser makes. Fails loudly
 * when Chromium is missing: the page test must never pass without a browser.
 */
export async function launchChromium(options: { netLogFile?: string } = {}): Promise<ChromiumBrowser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. Install it with "apt-get install -y chromium" ` +
        "(CI installs it), or point CHROMIUM_PATH at a Chromium binary.",
    );
  }
  const profile = await mkdtemp(path.join(tmpdir(), "jupiter-chromium-"));
  const flags = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-default-browser-check",
    "--window-size=1400,900",
    "--remote-debugging-pipe",
    `--user-data-dir=${profile}`,
    ...(options.netLogFile ? [`--log-net-log=${options.netLogFile}`] : []),
    "about:blank",
  ];
  // fds 3 and 4 carry the protocol; stderr is drained so a chatty browser never blocks.
  const child = spawn(CHROMIUM, flags, { stdio: ["ignore", "ignore", "pipe", "pipe", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString("utf8")).slice(-20_000);
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const spawnFailed = new Promise<never>((_, reject) =>
    child.once("error", (error) => reject(new Error(`Chromium did not start: ${error.message}\n${stderr}`))),
  );
  const cdp = new CdpPipe(child.stdio[3] as Writable, child.stdio[4] as Readable);
  await Promise.race([cdp.send("Browser.getVersion"), spawnFailed]);

  return {
    cdp,
    async close() {
      await Promise.race([cdp.send("Browser.close").catch(() => undefined), exited]);
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
      await rm(profile, { recursive: true, force: true });
    },
  };
}
