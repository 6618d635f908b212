import { readFile } from "node:fs/promises";

interface NetLog {
  constants: { logEventTypes: Record<string, number> };
  events: { type: number; params?: { url?: string; initiator?: string } }[];
}

/**
 * URLs of the requests a page itself made (scripts, styles, fonts, fetches,
 * workers), read from a Chromium `--log-net-log` file. The browser's own service
 * calls have no page initiator and are left out: only the page must stay offline.
 */
export async function pageRequestsFromNetLog(file: string, pageOrigin: string): Promise<string[]> {
  let text = (await readFile(file, "utf8")).trimEnd();
  // Chromium may leave the events array unterminated if it is stopped while writing.
  if (!text.endsWith("}")) text = `${text.replace(/,$/, "")}]}`;
  const log = JSON.parse(text) as NetLog;
  const startJob = log.constants.logEventTypes["URL_REQUEST_START_JOB"];
  return log.events
    .filter((event) => event.type === startJob && event.params?.initiator === pageOrigin)
    .map((event) => event.params?.url ?? "");
}
