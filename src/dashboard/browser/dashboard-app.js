// Browser entry of the live dashboard, bundled by esbuild (src/dashboard/build-dashboard.ts)
// and never run by Node. Plain JavaScript: the project's tsconfig has no DOM library.
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { createClient } from "graphql-ws";
import "./dashboard.css";

const config = JSON.parse(document.getElementById("jupiter-dashboard-config").textContent);
const $ = (id) => document.getElementById(id);
const SEVERITIES = ["CRITICAL", "HIGH", "MEDIUM", "LOW"];
const STATUSES = ["OPEN", "IN_PROGRESS", "RESOLVED", "CLOSED"];
const COLORS = [
  "#5470c6",
  "#91cc75",
  "#fac858",
  "#ee6666",
  "#73c0de",
  "#3ba272",
  "#fc8452",
  "#9a60b4",
  "#ea7ccc",
];
const CLOSE_MESSAGES = {
  4401: "The token is invalid or has expired",
  4403: "This token may not open a live connection",
  4429: "Too many live connections for this token",
};

let client;
let unsubscribers = [];
let trendChart;
let backlogChart;
const backlog = { times: [], open: [] };

function setStatus(state, text) {
  const status = $("status");
  status.dataset.state = state;
  status.textContent = text;
}

/** A JWT is sent as Bearer, anything else as an API key; "Bearer …"/"ApiKey …" pass as typed. */
function authorizationOf(token) {
  const value = token.trim();
  if (/^(bearer|apikey)\s+/i.test(value)) return value;
  return value.split(".").length === 3 ? `Bearer ${value}` : `ApiKey ${value}`;
}

function wsUrl() {
  const url = new URL(config.endpoint, window.location.href);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  return url.toString();
}

async function query(authorization, text, variables) {
  const response = await fetch(config.endpoint, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", authorization },
    body: JSON.stringify({ query: text, variables }),
  });
  return response.json();
}

function describeErrors(errors) {
  const [first] = errors;
  const code = first && first.extensions && first.extensions.code;
  if (code === "FORBIDDEN") return ["forbidden", `Insufficient role: ${first.message}`];
  if (code === "UNAUTHENTICATED") return ["unauthenticated", `Not signed in: ${first.message}`];
  return ["error", `Error: ${errors.map((error) => error.message).join("; ")}`];
}

function subscribe(query, variables, onData) {
  const dispose = client.subscribe(
    { query, variables },
    {
      next: (result) => {
        if (result.errors) setStatus(...describeErrors(result.errors));
        else if (result.data) {
          setStatus("live", `Live — last update ${new Date().toLocaleTimeString()}`);
          onData(result.data);
        }
      },
      error: (error) => {
        if (Array.isArray(error)) setStatus(...describeErrors(error));
        else if (error && typeof error.code === "number") {
          // Closed: the connection's closed handler has said why.
        } else setStatus("error", `Error: ${String(error && error.message ? error.message : error)}`);
      },
      complete: () => undefined,
    },
  );
  unsubscribers.push(dispose);
}

function connect() {
  const token = $("token").value;
  if (!token.trim()) {
    setStatus("unauthenticated", "Enter a token to connect.");
    return;
  }
  sessionStorage.setItem("jupiter-dashboard-token", token);
  for (const unsubscribe of unsubscribers) unsubscribe();
  unsubscribers = [];
  if (client) client.dispose();
  const authorization = authorizationOf(token);
  setStatus("connecting", "Connecting…");
  client = createClient({
    url: wsUrl(),
    connectionParams: { authorization },
    retryAttempts: 20,
    shouldRetry: (event) => !(event && CLOSE_MESSAGES[event.code]),
    on: {
      closed: (event) => {
        const message = event && CLOSE_MESSAGES[event.code];
        if (message) {
          const state = event.code === 4401 ? "unauthenticated" : "forbidden";
          setStatus(
            state,
            `${message}${event.reason ? ` (${event.reason})` : ""}. Paste a new token and connect again.`,
          );
        }
      },
    },
  });

  const range = Number($("range").value);
  const granularity = $("granularity").value;
  const timezone = $("timezone").value.trim() || browserTimeZone();
  const from = new Date(Date.now() - range * 86_400_000).toISOString();
  subscribe(
    `subscription Trends($from: DateTime, $granularity: TrendGranularity, $timezone: String) {
      alertTrendsLive(from: $from, granularity: $granularity, timezone: $timezone) { bucket type count }
    }`,
    { from, granularity, timezone },
    (data) => {
      $("trend").dataset.from = from;
      renderTrend(data.alertTrendsLive, timezone);
      void refreshSeverities(authorization);
    },
  );
  subscribe(
    `subscription Statistics { caseStatisticsLive { status severity count avgResolutionTimeSeconds } }`,
    {},
    (data) => {
      renderStatistics(data.caseStatisticsLive);
      renderBacklog(data.caseStatisticsLive);
    },
  );
}

function renderTrend(points, timezone) {
  const element = $("trend");
  const buckets = [...new Set(points.map((point) => Date.parse(point.bucket) / 1000))].sort((a, b) => a - b);
  const types = [...new Set(points.map((point) => point.type))].sort();
  const index = new Map(buckets.map((bucket, i) => [bucket, i]));
  const counts = types.map(() => buckets.map(() => 0));
  for (const point of points)
    counts[types.indexOf(point.type)][index.get(Date.parse(point.bucket) / 1000)] += point.count;
  // Stacked: each series is its type plus every type below it; drawn from the top down.
  const stacked = [];
  let running = buckets.map(() => 0);
  for (const row of counts) {
    running = running.map((value, i) => value + row[i]);
    stacked.push(running);
  }
  const total = points.reduce((sum, point) => sum + point.count, 0);
  element.dataset.total = String(total);
  element.dataset.updates = String(Number(element.dataset.updates || "0") + 1);
  $("trend-total-label").textContent = `— ${total} alerts`;
  const order = types.map((_, i) => i).reverse();
  const data = [buckets, ...order.map((i) => stacked[i])];
  const options = {
    width: Math.max(320, element.clientWidth || 900),
    height: 280,
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), timezone),
    series: [
      {},
      ...order.map((i) => ({
        label: types[i],
        stroke: COLORS[i % COLORS.length],
        fill: `${COLORS[i % COLORS.length]}cc`,
        value: (_u, _v, _s, idx) => (idx == null ? "" : String(counts[i][idx])),
      })),
    ],
    axes: [{}, { label: "alerts" }],
  };
  if (trendChart) trendChart.destroy();
  element.replaceChildren();
  trendChart = new uPlot(options, data, element);
}

async function refreshSeverities(authorization) {
  const result = await query(authorization, `{ alertSeverityBreakdown(resolved: false) { severity count } }`);
  if (result.errors || !result.data) return;
  const rows = result.data.alertSeverityBreakdown;
  const max = Math.max(1, ...rows.map((row) => row.count));
  const body = $("severity").tBodies[0];
  body.replaceChildren(
    ...rows.map((row) => {
      const tr = document.createElement("tr");
      tr.dataset.severity = row.severity;
      const bar = document.createElement("span");
      bar.className = "bar";
      bar.style.width = `${Math.round((row.count / max) * 160)}px`;
      tr.append(cell(row.severity), cell(String(row.count), "num"));
      tr.lastChild.append(bar);
      return tr;
    }),
  );
}

function renderStatistics(rows) {
  const table = $("statistics");
  const head = document.createElement("tr");
  head.append(cell("status", "", "th"), ...SEVERITIES.map((severity) => cell(severity, "num", "th")));
  table.tHead.replaceChildren(head);
  const byKey = new Map(rows.map((row) => [`${row.status}|${row.severity}`, row]));
  table.tBodies[0].replaceChildren(
    ...STATUSES.map((status) => {
      const tr = document.createElement("tr");
      tr.append(cell(status));
      for (const severity of SEVERITIES) {
        const row = byKey.get(`${status}|${severity}`);
        const text = row
          ? `${row.count}${row.avgResolutionTimeSeconds == null ? "" : ` · ${formatDuration(row.avgResolutionTimeSeconds)}`}`
          : "0";
        const td = cell(text, "num");
        td.dataset.count = String(row ? row.count : 0);
        tr.append(td);
      }
      return tr;
    }),
  );
}

function renderBacklog(rows) {
  const open = rows
    .filter((row) => row.status === "OPEN" || row.status === "IN_PROGRESS")
    .reduce((sum, row) => sum + row.count, 0);
  const element = $("backlog");
  element.dataset.open = String(open);
  backlog.times.push(Date.now() / 1000);
  backlog.open.push(open);
  const data = [backlog.times, backlog.open];
  if (!backlogChart) {
    backlogChart = new uPlot(
      {
        width: Math.max(300, element.clientWidth || 500),
        height: 200,
        // A single sample would otherwise stretch the time axis over years.
        scales: { x: { range: (_u, min, max) => [min - 60, max + 60] } },
        series: [{}, { label: "open cases", stroke: "#ee6666", width: 2, points: { show: true } }],
      },
      data,
      element,
    );
  } else backlogChart.setData(data);
}

function cell(text, className = "", tag = "td") {
  const element = document.createElement(tag);
  element.textContent = text;
  if (className) element.className = className;
  return element;
}

function formatDuration(seconds) {
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172_800) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86_400).toFixed(1)} d`;
}

function browserTimeZone() {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

function init() {
  $("timezone").value = browserTimeZone();
  if (typeof Intl.supportedValuesOf === "function") {
    $("timezones").replaceChildren(
      ...Intl.supportedValuesOf("timeZone").map((zone) =>
        Object.assign(document.createElement("option"), { value: zone }),
      ),
    );
  }
  $("token").value = sessionStorage.getItem("jupiter-dashboard-token") || config.token || "";
  $("token-form").addEventListener("submit", (event) => {
    event.preventDefault();
    connect();
  });
  for (const id of ["range", "granularity", "timezone"]) $(id).addEventListener("change", () => connect());
  if ($("token").value) connect();
}

init();
