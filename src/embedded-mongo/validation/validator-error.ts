import { CodedError } from "../errors/coded-error";

/**
 * An error in a collection validator (raised when it is compiled, as mongod rejects a bad validator
 * at create/collMod), shaped like a mongod command error.
 */
export class ValidatorError extends CodedError {
  static badValue(message: string): ValidatorError {
    return new ValidatorError(2, "BadValue", message);
  }

  static failedToParse(message: string): ValidatorError {
    return new ValidatorError(9, "FailedToParse", message);
  }

  static typeMismatch(message: string): ValidatorError {
    return new ValidatorError(14, "TypeMismatch", message);
  }

  static queryFeatureNotAllowed(message: string): ValidatorError {
    return new ValidatorError(224, "QueryFeatureNotAllowed", message);
  }
}
