import { z } from 'zod';

/** Empty strings in the environment mean "not set" (docker-compose and k8s often pass KEY= for optional keys). */
export function blankToUndefined(value: unknown): unknown {
  return typeof value === 'string' && value.trim() === '' ? undefined : value;
}

/** An optional setting; blank means unset. */
export const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());
/** A setting with a default; blank means unset. */
export const withDefault = <T extends z.ZodType>(schema: T, fallback: z.input<T>) =>
  z.preprocess(blankToUndefined, schema.prefault(fallback as never));

/** A whole number of the environment, within bounds. */
export const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** A comma-separated list (blank items dropped), each item checked by `item`. */
export const commaList = (map: (item: string) => string, item: z.ZodType<string, string>) =>
  z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((x) => map(x.trim()))
        .filter(Boolean),
    )
    .pipe(z.array(item));
