import { ObjectId } from "mongodb";
import { BadUserInputError } from "../errors/gateway-error";

/** How a malformed id is described, as a predicate (`Argument "id" must be …`). */
export const OBJECT_ID_MESSAGE = "must be an ID of 24 hexadecimal characters";

const OBJECT_ID = /^[0-9a-f]{24}$/i;

/** Whether a string is an ObjectId's 24 hexadecimal digits (ObjectId.isValid also takes any 12-character string). */
export function isObjectIdHex(value: string): boolean {
  return OBJECT_ID.test(value);
}

/**
 * The one way a client's id becomes an ObjectId: a GraphQL `ID` argument, an input's id
 * field, a token's subject. Anything but 24 hexadecimal digits is a BAD_USER_INPUT error
 * naming the argument, where validation at the edge has not refused it already.
 */
export function parseObjectId(value: string, argument: string): ObjectId {
  if (!isObjectIdHex(value)) {
    throw new BadUserInputError(
      `Argument "${argument}" ${OBJECT_ID_MESSAGE}; got ${JSON.stringify(value.slice(0, 60))}`,
      {
        invalidArguments: [{ argument, message: OBJECT_ID_MESSAGE }],
        validationErrors: [{ path: argument, constraint: "isMongoId", message: OBJECT_ID_MESSAGE }],
      },
    );
  }
  return ObjectId.createFromHexString(value);
}
