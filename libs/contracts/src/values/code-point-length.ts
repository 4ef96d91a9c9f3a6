import { ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * A string of `min` to `max` characters as PostgreSQL's varchar(n) counts them: code points.
 * class-validator's Length counts neither a variation selector (U+FE0F) nor the second half of a
 * surrogate pair, so a value it passes can overflow its column.
 */
export const CodePointLength = (min: number, max: number, options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'codePointLength',
      constraints: [min, max],
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string') return false;
          const length = [...value].length;
          return length >= min && length <= max;
        },
      },
    },
    options,
  );
