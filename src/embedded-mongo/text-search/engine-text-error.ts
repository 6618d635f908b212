import { CodedError } from "../errors/coded-error";

/**
 * An error from the text-search module, shaped like a mongod command error so the engine can
 * answer `{ok: 0, code, codeName, errmsg}` without translating it.
 */
export class EngineTextError extends CodedError {
  static badValue(message: string): EngineTextError {
    return new EngineTextError(2, "BadValue", message);
  }

  static cannotCreateIndex(message: string): EngineTextError {
    return new EngineTextError(67, "CannotCreateIndex", message);
  }
}
