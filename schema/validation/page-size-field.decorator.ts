import { Min } from "class-validator";
import { Field, Int } from "type-graphql";
import { MaxPageSize } from "./max-page-size.decorator";
import { VALIDATION_MESSAGES } from "./validation-messages";

/** A `first` argument: an optional Int from 1 to MAX_PAGE_SIZE; `description` says what it counts. */
export function PageSizeField(description: string): PropertyDecorator {
  const field = Field(() => Int, { nullable: true, description });
  const min = Min(1, { message: VALIDATION_MESSAGES.pageSizeMin });
  const maxPageSize = MaxPageSize();
  return (target, property) => {
    maxPageSize(target, property);
    min(target, property);
    field(target, property);
  };
}
