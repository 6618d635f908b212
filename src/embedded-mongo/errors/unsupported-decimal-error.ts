import { CommandError } from "./command-error";

/** Decimal128 is stored exactly; operations the engine cannot do exactly on it fail instead of guessing. */
export class UnsupportedDecimalError extends CommandError {
  constructor(what: string) {
    super(
      238,
      `embedded engine does not support ${what}; Decimal128 values are stored and returned unchanged`,
    );
  }
}
