const JSON_TYPES = new Set(["application/json", "application/graphql-response+json"]);

/**
 * True when an `Accept` header ranks HTML above every GraphQL JSON response type,
 * i.e. a browser navigating to the endpoint rather than a GraphQL client. Same
 * rule as Apollo Server's landing page, so both agree on who gets the page.
 */
export function prefersHtml(accept: string | undefined): boolean {
  if (!accept) return false;
  let html = 0;
  let json = 0;
  for (const range of accept.split(",")) {
    const [type = "", ...params] = range.split(";").map((part) => part.trim().toLowerCase());
    const qParam = params.find((param) => param.startsWith("q="));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2)) || 0;
    if (type === "text/html") html = Math.max(html, q);
    else if (JSON_TYPES.has(type)) json = Math.max(json, q);
  }
  return html > 0 && html > json;
}
