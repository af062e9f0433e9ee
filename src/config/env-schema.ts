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

/** One setting of an area: its environment key and the schema its value is read with. */
export type Setting = readonly [key: string, schema: z.ZodType];

type EnvOf<S extends Record<string, Setting>> = { [F in keyof S as S[F][0]]: S[F][1] };

/**
 * An area's settings, each named once as `field: ['ENV_KEY', schema]`: `env` holds the keys' schemas (spread into
 * the one environment schema), `read` turns the parsed environment into `{ field: value }` in the same order.
 */
export function settings<const S extends Record<string, Setting>>(spec: S) {
  const env = Object.fromEntries(Object.values(spec)) as EnvOf<S>;
  const read = (e: z.output<z.ZodObject<EnvOf<S>>>) =>
    Object.fromEntries(
      Object.entries(spec).map(([field, [key]]) => [field, (e as Record<string, unknown>)[key]]),
    ) as { [F in keyof S]: z.output<S[F][1]> };
  return { env, read };
}
