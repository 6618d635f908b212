import type { Collection, Document, Filter, ObjectId, WithId } from "mongodb";
import { BadUserInputError } from "../errors/gateway-error";
import type { KeysetOrdering, RankKeyOrdering } from "./keyset-ordering";
import { type CursorKey, type CursorPosition, decodeCursor, encodeCursor } from "./page-cursor";

/** One page of documents in keyset order, with the cursor after each. */
export interface KeysetPage<TDocument> {
  documents: WithId<TDocument>[];
  /**
   * The cursor after `documents[index]`, computed when asked for: a MAC per edge is
   * work wasted on the many pages whose clients select no cursor.
   */
  cursorAt(index: number): string;
  hasNextPage: boolean;
}

export interface KeysetPageRequest<TDocument extends Document> {
  collection: Collection<TDocument>;
  filter: Filter<TDocument>;
  ordering: KeysetOrdering;
  first: number;
  after?: string | null;
  maxTimeMS: number;
  /**
   * Rank orderings only: the values the filter allows (e.g. `severity: [HIGH]`), so the
   * walk skips buckets that cannot match instead of querying them.
   */
  rankValues?: readonly string[] | null;
  /** A find projection (keeping `_id` and the ordering's field); undefined: whole documents. */
  projection?: Document;
}

/**
 * Reads one page by keyset ("seek") paging: the next page starts strictly after the
 * last document's (sort key, _id), found by an index range — never by `skip`, so a
 * deep page costs what the first does, and documents inserted or removed meanwhile
 * never shift the pages: nothing that existed before is skipped or repeated.
 *
 * Date orderings are one query: `sort {field, _id}` with the range
 *   DESC: field <= v AND (field < v OR _id < id)        (ASC mirrors it)
 * which the index `{field: -1, _id: -1}` serves, walked forwards or backwards.
 *
 * Rank orderings (severity, priority) hold strings whose alphabetical order is
 * meaningless, and sorting on a computed rank (`$addFields` + `$sort`) cannot use an
 * index. Instead the pager walks the values in rank order — for DESC critical, high,
 * medium, low — and reads each as `{field: value}` sorted by `_id`, an equality-plus-
 * range scan of the index `{field: 1, _id: 1}`. The cursor carries (rank, _id): the
 * walk resumes in the cursor's bucket after its _id, then continues with the next
 * buckets. A page costs one query per bucket it touches (at most four), each limited
 * to what the page still needs, and stops as soon as the page is full. Within a
 * bucket, cases come in _id order, which is creation order, as ObjectIds begin with
 * their creation time.
 */
export async function findKeysetPage<TDocument extends Document>(
  request: KeysetPageRequest<TDocument>,
): Promise<KeysetPage<TDocument>> {
  const { ordering } = request;
  const position =
    request.after === undefined || request.after === null
      ? undefined
      : checkCursorKey(ordering, decodeCursor(request.after, ordering.name, 1));
  const documents =
    ordering.kind === "date"
      ? await readDatePage(request, position)
      : await readRankPage(request, ordering, position);
  const hasNextPage = documents.length > request.first;
  const page = documents.slice(0, request.first);
  return { documents: page, cursorAt: (index) => cursorOf(ordering, page[index]!), hasNextPage };
}

/** The largest |epoch milliseconds| a JavaScript (and BSON) Date can hold. */
const MAX_DATE_MS = 8.64e15;

/**
 * A cursor's sort key must decode to a valid value of its ordering's field: whole
 * epoch milliseconds within the Date range for dates, a whole rank of the table for
 * enums. The MAC only proves the cursor's shape (its key is public), so a crafted key
 * such as 1e20 would otherwise reach MongoDB as an Invalid Date.
 */
function checkCursorKey(ordering: KeysetOrdering, position: CursorPosition): CursorPosition {
  const value = position.key[0]!;
  const valid =
    ordering.kind === "date"
      ? Number.isInteger(value) && Math.abs(value) <= MAX_DATE_MS
      : Number.isInteger(value) && value >= 1 && value <= ordering.values.length;
  if (!valid) {
    throw new BadUserInputError(
      `Invalid cursor in argument "after": its position is not a valid ${ordering.kind === "date" ? "date" : "rank"} ` +
        `of ${ordering.field}; pass an endCursor or edge cursor this field returned, unchanged`,
      { argument: "after" },
    );
  }
  return position;
}

/** The cursor that resumes just after `document` in `ordering`. */
export function cursorOf(ordering: KeysetOrdering, document: WithId<Document>): string {
  return encodeCursor(ordering.name, keyOf(ordering, document), document._id as ObjectId);
}

async function readDatePage<TDocument extends Document>(
  { collection, filter, ordering, first, maxTimeMS, projection }: KeysetPageRequest<TDocument>,
  position: CursorPosition | undefined,
): Promise<WithId<TDocument>[]> {
  const { field, direction } = ordering;
  let range: Filter<Document> | undefined;
  if (position) {
    const value = new Date(position.key[0]!);
    const [inclusive, strict] = direction === -1 ? ["$lte", "$lt"] : ["$gte", "$gt"];
    range = {
      [field]: { [inclusive]: value },
      $or: [{ [field]: { [strict]: value } }, { _id: { [strict]: position.id } }],
    };
  }
  return collection
    .find(and(filter, range), {
      sort: { [field]: direction, _id: direction },
      limit: first + 1,
      maxTimeMS,
      ...(projection ? { projection } : {}),
    })
    .toArray();
}

async function readRankPage<TDocument extends Document>(
  { collection, filter, first, maxTimeMS, rankValues, projection }: KeysetPageRequest<TDocument>,
  ordering: RankKeyOrdering,
  position: CursorPosition | undefined,
): Promise<WithId<TDocument>[]> {
  const { field, direction, values } = ordering;
  const strict = direction === -1 ? "$lt" : "$gt";
  // Ranks are 1-based positions in `values`; walk them in the requested direction.
  const ranks = values.map((_, index) => index + 1);
  if (direction === -1) ranks.reverse();
  const startRank = position?.key[0];
  const startIndex = startRank === undefined ? 0 : ranks.indexOf(startRank);
  if (startIndex === -1) {
    // Only if the rank table changed since the cursor was issued (bump the cursor
    // version when it does); the MAC rules out anything else.
    throw new BadUserInputError('Invalid cursor in argument "after": start again without "after"', {
      argument: "after",
    });
  }
  const found: WithId<TDocument>[] = [];
  for (const rank of ranks.slice(startIndex)) {
    if (rankValues && !rankValues.includes(values[rank - 1]!)) continue;
    const bucket: Filter<Document> = { [field]: values[rank - 1] };
    if (position && rank === startRank) bucket._id = { [strict]: position.id };
    const documents = await collection
      .find(and(filter, bucket), {
        sort: { _id: direction },
        limit: first + 1 - found.length,
        maxTimeMS,
        ...(projection ? { projection } : {}),
      })
      .toArray();
    found.push(...documents);
    if (found.length > first) break;
  }
  return found;
}

function keyOf(ordering: KeysetOrdering, document: WithId<Document>): CursorKey {
  const value: unknown = document[ordering.field];
  if (ordering.kind === "date") {
    if (!(value instanceof Date)) {
      // The data model requires the field; paging past a document without it would
      // silently lose or repeat documents, so refuse instead.
      throw new Error(`Cannot page: document ${String(document._id)} has no date in "${ordering.field}"`);
    }
    return [value.getTime()];
  }
  const rank = ordering.values.indexOf(value as string) + 1;
  if (rank === 0) {
    throw new Error(
      `Cannot page: document ${String(document._id)} has unknown ${ordering.field} "${String(value)}"`,
    );
  }
  return [rank];
}

/** `filter AND extra`, without wrapping when one side is empty. */
function and<TDocument extends Document>(
  filter: Filter<TDocument>,
  extra: Filter<Document> | undefined,
): Filter<TDocument> {
  if (!extra) return filter;
  if (Object.keys(filter).length === 0) return extra as Filter<TDocument>;
  return { $and: [filter, extra] } as Filter<TDocument>;
}
