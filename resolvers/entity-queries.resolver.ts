import type { GraphQLResolveInfo } from "graphql";
import type { ObjectId } from "mongodb";
import { Arg, Args, Authorized, type ClassType, Ctx, ID, Info, Query, Resolver } from "type-graphql";
import { RULES } from "../src/auth/auth-checker";
import type { GatewayContext } from "../src/context";
import { parseObjectId } from "../src/db/parse-object-id";
import type { StoredFields } from "../src/db/stored-fields";
import type { UserRole } from "../src/domain/user-role.enum";
import type { Page } from "../src/repositories/page";
import { type SelectionPlace, selectedStoredFields } from "../src/selection/selected-stored-fields";

/** What entityQueries needs to know of one collection's type. */
export interface EntityQueriesOptions<TRecord extends object, TArguments extends object> {
  node: ClassType<TRecord>;
  connection: ClassType;
  arguments: ClassType<TArguments>;
  /** The two Query fields, e.g. `case` and `cases`, with their descriptions. */
  one: { name: string; description: string };
  many: { name: string; description: string; rule: UserRole };
  /** Where the records sit in each field's selection (src/selection/selection-places.ts). */
  places: { one: SelectionPlace; many: SelectionPlace };
  findOne(context: GatewayContext, id: ObjectId, fields: StoredFields): Promise<TRecord | null>;
  findPage(context: GatewayContext, args: TArguments, fields: StoredFields): Promise<Page<TRecord>>;
}

/**
 * The two queries every collection of the API has — one record by id (VIEWER) and a page of
 * them (`many.rule`) — as an abstract resolver to extend (type-graphql's resolver
 * inheritance), each read projected to the stored fields its selection needs.
 */
export function entityQueries<TRecord extends object, TArguments extends object>(
  options: EntityQueriesOptions<TRecord, TArguments>,
) {
  @Resolver()
  abstract class EntityQueries {
    @Authorized(RULES.VIEWER)
    @Query(() => options.node, {
      name: options.one.name,
      nullable: true,
      description: options.one.description,
    })
    one(
      @Arg("id", () => ID) id: string,
      @Ctx() context: GatewayContext,
      @Info() info: GraphQLResolveInfo,
    ): Promise<TRecord | null> {
      return options.findOne(
        context,
        parseObjectId(id, "id"),
        selectedStoredFields(info, options.places.one),
      );
    }

    @Authorized(options.many.rule)
    @Query(() => options.connection, { name: options.many.name, description: options.many.description })
    many(
      @Args(() => options.arguments) args: TArguments,
      @Ctx() context: GatewayContext,
      @Info() info: GraphQLResolveInfo,
    ): Promise<Page<TRecord>> {
      return options.findPage(context, args, selectedStoredFields(info, options.places.many));
    }
  }
  return EntityQueries;
}

/**
 * A field resolver's reference to one record (Case.assignee, Alert.case): null when unset,
 * else the record through its by-id loader, projected to the field's selection.
 */
export function referenced<TRecord>(
  loader: { load(id: ObjectId, fields: StoredFields): Promise<TRecord | null> },
  id: ObjectId | null,
  info: GraphQLResolveInfo,
  place: SelectionPlace,
): Promise<TRecord | null> {
  return id ? loader.load(id, selectedStoredFields(info, place)) : Promise.resolve(null);
}
