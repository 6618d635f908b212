/** What the dashboard page needs from the server. */
export interface DashboardPage {
  /** Path of the GraphQL endpoint (HTTP queries and WebSocket subscriptions). */
  endpoint: string;
  /** URL folder of the bundle, ending in "/". */
  assetBase: string;
  /** Prefilled token (demo mode only). */
  token?: string;
}

/** The HTML shell of the dashboard; settings travel as JSON, the page has no inline code. */
export function renderDashboardHtml(page: DashboardPage): string {
  const config = { endpoint: page.endpoint, token: page.token ?? null };
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Jupiter Gateway – live dashboard</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="${escapeHtml(page.assetBase)}dashboard.css" />
  </head>
  <body>
    <header>
      <h1>Jupiter live dashboard</h1>
      <form id="token-form">
        <label>Token <input id="token" type="password" autocomplete="off" placeholder="Bearer token (JWT) or API key" /></label>
        <button type="submit">Connect</button>
      </form>
      <div id="pickers">
        <label>Range <select id="range">
          <option value="1">last 24 hours</option>
          <option value="7" selected>last 7 days</option>
          <option value="30">last 30 days</option>
          <option value="90">last 90 days</option>
        </select></label>
        <label>Granularity <select id="granularity">
          <option value="HOUR">hour</option>
          <option value="DAY" selected>day</option>
          <option value="WEEK">week</option>
          <option value="MONTH">month</option>
        </select></label>
        <label>Time zone <input id="timezone" list="timezones" size="22" /></label>
        <datalist id="timezones"></datalist>
      </div>
      <p id="status" role="status" data-state="idle">Enter a token to connect.</p>
    </header>
    <main>
      <section class="panel wide">
        <h2>Alerts per bucket and type <span id="trend-total-label"></span></h2>
        <div id="trend" data-total="" data-updates="0"></div>
      </section>
      <section class="panel">
        <h2>Open alerts by severity</h2>
        <table id="severity"><tbody></tbody></table>
      </section>
      <section class="panel">
        <h2>Backlog (open and in-progress cases, since this page opened)</h2>
        <div id="backlog" data-open=""></div>
      </section>
      <section class="panel wide">
        <h2>Cases: status × severity (count · mean resolution time)</h2>
        <table id="statistics"><thead></thead><tbody></tbody></table>
      </section>
    </main>
    <script id="jupiter-dashboard-config" type="application/json">${scriptSafeJson(config)}</script>
    <script type="module" src="${escapeHtml(page.assetBase)}dashboard.js"></script>
  </body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON that cannot end the script element it sits in. */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");
}
