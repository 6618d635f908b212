import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserRole } from "../../schema/enums/user-role.enum";
import { loadConfig } from "../../src/config";
import { seedDemoData } from "../../src/seed/seed-demo-data";
import { launchChromium, type ChromiumBrowser } from "../playground/launch-chromium";
import { type BrowserPage, openPage } from "../playground/open-page";
import { useTestGateway } from "../helpers/use-test-gateway";
import { signTestJwt } from "../helpers/test-jwt";

/** Screenshots land here (git-ignored), for people to look at after a run. */
const ARTIFACTS = path.join(__dirname, "..", "..", "test-artifacts");

const { db, gateway } = useTestGateway("live-dashboard", {
  seed: async (fresh) => {
    await seedDemoData(fresh, { users: 20, cases: 300, alerts: 3_000, days: 10 });
  },
  gateway: {
    dashboard: true,
    // The real clock: polling every second, recomputing at most every 200 ms.
    live: { ...loadConfig({}).live, source: "poll", pollSeconds: 1, minIntervalMs: 200 },
  },
});

let browser: ChromiumBrowser;

// Registered after the gateway's fixture: launched once it is up, closed before it stops.
beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

interface DashboardState {
  status: string;
  message: string;
  total: string;
  updates: number;
  from: string;
  canvases: number;
  severities: string[];
  counts: Record<string, number>;
  open: string;
}

const STATE = `(() => {
  const trend = document.getElementById("trend");
  const counts = {};
  for (const row of document.querySelectorAll("#statistics tbody tr")) {
    const cells = [...row.children];
    const headers = [...document.querySelectorAll("#statistics thead th")].map((th) => th.textContent);
    cells.slice(1).forEach((cell, i) => { counts[cells[0].textContent + "|" + headers[i + 1]] = Number(cell.dataset.count); });
  }
  return {
    status: document.getElementById("status").dataset.state,
    message: document.getElementById("status").textContent,
    total: trend.dataset.total,
    updates: Number(trend.dataset.updates),
    from: trend.dataset.from || "",
    canvases: document.querySelectorAll("canvas").length,
    severities: [...document.querySelectorAll("#severity tr")].map((tr) => tr.dataset.severity),
    counts,
    open: document.getElementById("backlog").dataset.open,
  };
})()`;

async function connectWith(page: BrowserPage, token: string): Promise<void> {
  await page.evaluate(`(() => {
    document.getElementById("token").value = ${JSON.stringify(token)};
    document.getElementById("token-form").requestSubmit();
    return true;
  })()`);
}

describe("the dashboard page", () => {
  it("renders the demo data, then the trend total moves after createAlert without a reload", async () => {
    const page = await openPage(browser.cdp, `${gateway.url}/dashboard`);
    await connectWith(page, await signTestJwt(UserRole.ANALYST));
    const first = await page.waitFor<DashboardState>(
      STATE,
      (state) => state.total !== "" && state.severities.length === 4 && state.open !== "",
      30_000,
    );
    // Independent counts, straight from the database.
    const expectedTotal = await db
      .collection("alerts")
      .countDocuments({ timestamp: { $gte: new Date(first.from) } });
    expect(Number(first.total)).toBe(expectedTotal);
    expect(first.canvases).toBeGreaterThanOrEqual(2);
    const cases = await db.collection("cases").find().toArray();
    for (const [key, count] of Object.entries(first.counts)) {
      const [status, severity] = key.split("|");
      expect(count).toBe(
        cases.filter(
          (c) => String(c.status).toUpperCase() === status && String(c.severity).toUpperCase() === severity,
        ).length,
      );
    }
    const open = cases.filter((c) => c.status === "open" || c.status === "in_progress").length;
    expect(Number(first.open)).toBe(open);

    const created = await gateway.graphql(
      `mutation { createAlert(input: { type: "dashboard-test", source: "test", severity: CRITICAL }) { id } }`,
    );
    expect(created.errors).toBeUndefined();
    const after = await page.waitFor<DashboardState>(
      STATE,
      (state) => Number(state.total) === expectedTotal + 1,
      30_000,
    );
    expect(after.updates).toBeGreaterThan(first.updates);
    expect(page.problems).toEqual([]);

    await mkdir(ARTIFACTS, { recursive: true });
    const screenshot = await page.screenshot();
    await writeFile(path.join(ARTIFACTS, "dashboard-page.png"), screenshot);
    expect(screenshot.subarray(1, 4).toString("latin1")).toBe("PNG");
  });

  it("says clearly when the token is insufficient or expired", async () => {
    const viewer = await openPage(browser.cdp, `${gateway.url}/dashboard`);
    await connectWith(viewer, await signTestJwt(UserRole.VIEWER));
    const forbidden = await viewer.waitFor<DashboardState>(
      STATE,
      (state) => state.status === "forbidden",
      30_000,
    );
    expect(forbidden.message).toMatch(/Insufficient role: .*VIEWER.*ANALYST/);

    const expired = await openPage(browser.cdp, `${gateway.url}/dashboard`);
    await connectWith(expired, await signTestJwt(UserRole.ADMIN, { expiresIn: -60 }));
    const refused = await expired.waitFor<DashboardState>(
      STATE,
      (state) => state.status === "unauthenticated",
      30_000,
    );
    expect(refused.message).toMatch(/invalid or has expired.*expired/);
  });
});
