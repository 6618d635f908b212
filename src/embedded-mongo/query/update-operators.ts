/** The update operators the engine applies; an update document whose keys are all among them is an operator update. */
export const UPDATE_OPERATORS: ReadonlySet<string> = new Set([
  "$set",
  "$unset",
  "$inc",
  "$mul",
  "$min",
  "$max",
  "$push",
  "$addToSet",
  "$pull",
  "$pullAll",
  "$pop",
  "$rename",
  "$currentDate",
  "$bit",
  "$setOnInsert",
]);
