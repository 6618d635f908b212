import type { FieldNode, FragmentDefinitionNode, GraphQLResolveInfo, SelectionSetNode } from "graphql";
import { type StoredFields, type StoredFieldTable, storedFields } from "../db/stored-fields";

/** Where the records sit below the resolved field: [] for the field's own type, ["edges", "node"] for a connection. */
export interface SelectionPlace {
  table: StoredFieldTable;
  path: readonly string[];
}

interface Remembered {
  /** The field nodes the answer was derived from (all of them, merged under one response key). */
  nodes: readonly FieldNode[];
  fields: StoredFields;
}

/** Per first field node of a resolved field, per place: the same document reuses its derivation. */
const derived = new WeakMap<FieldNode, Map<SelectionPlace, Remembered>>();

/**
 * The stored fields the selection of the field being resolved needs at `place`: derived
 * once per (document's field node, place) and remembered with the document (a WeakMap on
 * its AST node). Directives (@include, @skip) and type conditions are not evaluated: the
 * fields they may select count, so the projection is the same for every variable value.
 */
export function selectedStoredFields(info: GraphQLResolveInfo, place: SelectionPlace): StoredFields {
  const nodes = info.fieldNodes;
  const first = nodes[0]!;
  let byPlace = derived.get(first);
  const remembered = byPlace?.get(place);
  if (remembered && nodes.every((node) => remembered.nodes.includes(node))) return remembered.fields;
  const fields = deriveStoredFields(nodes, info.fragments, place);
  if (!byPlace) derived.set(first, (byPlace = new Map()));
  byPlace.set(place, { nodes: [...nodes], fields });
  return fields;
}

function deriveStoredFields(
  nodes: readonly FieldNode[],
  fragments: Record<string, FragmentDefinitionNode>,
  { table, path }: SelectionPlace,
): StoredFields {
  let selections = nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  for (const step of path) {
    selections = fieldsOf(selections, fragments)
      .filter((field) => field.name.value === step)
      .flatMap((field) => (field.selectionSet ? [field.selectionSet] : []));
  }
  const needed: string[] = [];
  for (const field of fieldsOf(selections, fragments)) {
    const name = field.name.value;
    if (name === "__typename") continue;
    const stored = Object.hasOwn(table, name) ? table[name] : undefined;
    if (!stored) return undefined;
    needed.push(...stored);
  }
  return storedFields(needed);
}

/** The fields of some selection sets, through inline fragments and fragment spreads. */
function fieldsOf(
  selectionSets: readonly SelectionSetNode[],
  fragments: Record<string, FragmentDefinitionNode>,
): FieldNode[] {
  const fields: FieldNode[] = [];
  const visit = (set: SelectionSetNode, seen: Set<string>) => {
    for (const selection of set.selections) {
      if (selection.kind === "Field") fields.push(selection);
      else if (selection.kind === "InlineFragment") visit(selection.selectionSet, seen);
      else if (!seen.has(selection.name.value)) {
        const fragment = fragments[selection.name.value];
        if (fragment) visit(fragment.selectionSet, new Set(seen).add(selection.name.value));
      }
    }
  };
  for (const set of selectionSets) visit(set, new Set());
  return fields;
}
