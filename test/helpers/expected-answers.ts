import type { Document } from "mongodb";

// What a client should see for a stored document, derived here by hand from the data model:
// camelCase fields, enum names as the upper-cased stored values, dates as ISO strings. Relations
// are left to the caller, whose selection decides them.

/** How a stored value reads in the API. */
type Rule = (value: any) => unknown;

const asIs: Rule = (value) => value;
const enumName: Rule = (value) => String(value).toUpperCase();
const isoDate: Rule = (value: Date) => value.toISOString();
const isoDateOrNull: Rule = (value: Date | null | undefined) => (value ? value.toISOString() : null);

/** The `id`, then each stored field of `rules` under its camelCase name, by its rule. */
function graphqlForm(document: Document, rules: Record<string, Rule>): Document {
  const fields = Object.entries(rules).map(([stored, rule]) => [
    stored.replace(/_([a-z])/g, (_underscore, letter: string) => letter.toUpperCase()),
    rule(document[stored]),
  ]);
  return { id: document._id.toHexString(), ...Object.fromEntries(fields) };
}

const CASE_RULES: Record<string, Rule> = {
  title: asIs,
  description: asIs,
  severity: enumName,
  status: enumName,
  priority: enumName,
  created_at: isoDate,
  updated_at: isoDate,
  resolved_at: isoDateOrNull,
  tags: asIs,
  metadata: asIs,
};

const ALERT_RULES: Record<string, Rule> = {
  type: asIs,
  source: asIs,
  severity: enumName,
  message: asIs,
  timestamp: isoDate,
  resolved: asIs,
  resolution: asIs,
};

const USER_RULES: Record<string, Rule> = {
  email: asIs,
  name: asIs,
  role: enumName,
  settings: asIs,
  created_at: isoDate,
  last_login: isoDateOrNull,
};

/** The GraphQL form of a stored case (without `assignee`). */
export function expectedCase(document: Document): Document {
  const resolvedAt = document.resolved_at as Date | null | undefined;
  return {
    ...graphqlForm(document, CASE_RULES),
    resolutionTimeSeconds: resolvedAt
      ? Math.floor((resolvedAt.getTime() - document.created_at.getTime()) / 1000)
      : null,
  };
}

/** The GraphQL form of a stored alert (without `case`). */
export function expectedAlert(document: Document): Document {
  return graphqlForm(document, ALERT_RULES);
}

/** The GraphQL form of a stored user (every field, as ADMIN sees it). */
export function expectedUser(document: Document): Document {
  return graphqlForm(document, USER_RULES);
}
