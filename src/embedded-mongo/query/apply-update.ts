import { numberTagOf, tagNumber } from "../bson/numeric-tags";
import { update as mingoUpdate } from "mingo";
import { checkUpdateOperandTypes } from "./check-update-operand-types";
import { Aggregator } from "mingo/aggregator";
import { cloneValue } from "../bson/clone-value";
import { compareValues } from "../bson/compare-values";
import { CommandError } from "../errors/command-error";
import type { Doc } from "../storage/doc";
import { withIdFirst } from "../storage/with-id-first";
import { isPlainObject } from "../bson/is-plain-object";
import { mingoOptions } from "./mingo-options";
import { reconcileNumberTags } from "./reconcile-number-tags";
import { rewriteDecimalArithmetic } from "../decimal/decimal-updates";
import { UPDATE_OPERATORS } from "./update-operators";

export interface UpdateOutcome {
  doc: Doc;
  changed: boolean;
}

export interface UpdateOptions {
  arrayFilters?: Record<string, unknown>[];
  /** The statement's filter, for the positional `$` operator. */
  filter: Record<string, unknown>;
  /** True when the update builds an upserted document ($setOnInsert applies). */
  inserting: boolean;
  /** Variables for pipeline updates ($merge's $$new, let). */
  variables?: Record<string, unknown>;
}

/** Computes the new version of a document for an update (operators, replacement or pipeline); never mutates `old`. */
export function applyUpdate(old: Doc, update: unknown, options: UpdateOptions): UpdateOutcome {
  if (Array.isArray(update)) return pipelineUpdate(old, update, options.variables);
  if (!isPlainObject(update))
    throw new CommandError(9, "Update argument must be either an object or an array");
  const keys = Object.keys(update);
  const operatorKeys = keys.filter((k) => k.startsWith("$"));
  if (operatorKeys.length === 0) return replacement(old, update, options.inserting);
  if (operatorKeys.length !== keys.length) {
    const plain = keys.find((k) => !k.startsWith("$"));
    throw new CommandError(
      9,
      `Unknown modifier: ${plain}. Expected a valid update modifier or pipeline-style update specified as an array`,
    );
  }
  return operatorUpdate(old, update, options);
}

function replacement(old: Doc, repl: Record<string, unknown>, inserting: boolean): UpdateOutcome {
  if ("_id" in repl && "_id" in old && compareValues(repl._id, old._id) !== 0 && !inserting) {
    throw new CommandError(
      66,
      `After applying the update, the (immutable) field '_id' was found to have been altered to _id: ${String(repl._id)}`,
    );
  }
  const next = cloneValue(repl);
  if ("_id" in old && !("_id" in next)) next._id = old._id;
  const doc = withIdFirst(next);
  return { doc, changed: !sameDocument(old, doc) };
}

function operatorUpdate(old: Doc, update: Record<string, unknown>, options: UpdateOptions): UpdateOutcome {
  const modifier: Record<string, unknown> = {};
  for (const [op, args] of Object.entries(update)) {
    if (!UPDATE_OPERATORS.has(op)) {
      throw new CommandError(
        9,
        `Unknown modifier: ${op}. Expected a valid update modifier or pipeline-style update specified as an array`,
      );
    }
    if (!isPlainObject(args))
      throw new CommandError(9, `Modifiers operate on fields but we found type ${typeof args} instead`);
    if (op === "$setOnInsert") {
      if (options.inserting) modifier.$set = { ...((modifier.$set as object) ?? {}), ...args };
      continue;
    }
    if (op === "$set" && modifier.$set) modifier.$set = { ...(modifier.$set as object), ...args };
    else modifier[op] = args;
  }
  checkConflicts(modifier);
  if (!options.inserting) checkIdUntouched(old, modifier);
  checkUpdateOperandTypes(old, modifier);
  rewriteDecimalArithmetic(old, modifier);
  const doc = cloneValue(old);
  let paths: string[];
  try {
    // mingo applies the update only when `condition` matches the document: give it the filter only
    // for the positional "$" (an upsert's seed, built from equalities, need not match a range).
    const condition = usesPositional(modifier) ? options.filter : {};
    paths = mingoUpdate(doc, modifier, options.arrayFilters ?? [], condition, {
      cloneMode: "copy",
      queryOptions: mingoOptions,
    });
  } catch (err) {
    if (err instanceof CommandError) throw err;
    throw new CommandError(2, (err as Error).message);
  }
  if ("_id" in old && compareValues(old._id, doc._id) !== 0) {
    throw new CommandError(
      66,
      "Performing an update on the path '_id' would modify the immutable field '_id'",
    );
  }
  if (paths.length > 0) reconcileNumberTags(old, doc, modifier);
  return { doc: options.inserting ? withIdFirst(doc) : doc, changed: paths.length > 0 };
}

function usesPositional(modifier: Record<string, unknown>): boolean {
  return Object.values(modifier).some(
    (args) => isPlainObject(args) && Object.keys(args).some((path) => /(^|\.)\$(\.|$)/.test(path)),
  );
}

const ID_CHANGE = "Performing an update on the path '_id' would modify the immutable field '_id'";

/** _id may only be "set" to the value it already has. */
function checkIdUntouched(old: Doc, modifier: Record<string, unknown>): void {
  for (const [op, args] of Object.entries(modifier)) {
    for (const [path, value] of Object.entries(args as Record<string, unknown>)) {
      const targets = op === "$rename" ? [path, String(value)] : [path];
      for (const target of targets) {
        if (target !== "_id" && !target.startsWith("_id.")) continue;
        if (op === "$set" && target === "_id" && compareValues(value, old._id) === 0) continue;
        throw new CommandError(66, ID_CHANGE);
      }
    }
  }
}

/** mongod refuses two operators touching the same path or a path and its prefix. */
function checkConflicts(modifier: Record<string, unknown>): void {
  const seen: string[] = [];
  for (const [op, args] of Object.entries(modifier)) {
    for (const path of Object.keys(args as object)) {
      const targets = op === "$rename" ? [path, String((args as Record<string, unknown>)[path])] : [path];
      for (const target of targets) {
        const clash = seen.find(
          (p) => p === target || p.startsWith(target + ".") || target.startsWith(p + "."),
        );
        if (clash !== undefined) {
          throw new CommandError(40, `Updating the path '${target}' would create a conflict at '${clash}'`);
        }
        seen.push(target);
      }
    }
  }
}

function pipelineUpdate(old: Doc, pipeline: unknown[], variables?: Record<string, unknown>): UpdateOutcome {
  const allowed = ["$addFields", "$set", "$project", "$unset", "$replaceRoot", "$replaceWith"];
  for (const stage of pipeline) {
    const name = isPlainObject(stage) ? Object.keys(stage)[0] : undefined;
    if (!name || !allowed.includes(name)) {
      throw new CommandError(72, `${name ?? "stage"} is not allowed to be used within an update`);
    }
  }
  const [result] = new Aggregator(pipeline as Record<string, unknown>[], { ...mingoOptions, variables }).run([
    cloneValue(old),
  ]) as Doc[];
  if (!result) throw new CommandError(2, "pipeline update produced no document");
  // mongod applies the pipeline's output as a replacement: one without _id keeps the original's
  // ($replaceWith/$replaceRoot to a new shape, $unset of _id).
  if (!("_id" in result) && "_id" in old) {
    result._id = old._id;
    const tag = numberTagOf(old, "_id");
    if (tag) tagNumber(result, "_id", tag);
  }
  return pipelineOutcome(old, result);
}

function pipelineOutcome(old: Doc, result: Doc): UpdateOutcome {
  if ("_id" in old && compareValues(old._id, result._id) !== 0) {
    throw new CommandError(
      66,
      "Performing an update on the path '_id' would modify the immutable field '_id'",
    );
  }
  const doc = withIdFirst(result);
  return { doc, changed: !sameDocument(old, doc) };
}

/** Same fields in the same order with the same values (what makes nModified count a change). */
function sameDocument(a: Doc, b: Doc): boolean {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length || ka.some((k, i) => k !== kb[i])) return false;
  return compareValues(a, b) === 0;
}
