/**
 * fast-check values from a zod schema, through its JSON Schema (z.toJSONSchema): objects, tuples,
 * arrays, unions, enums, consts, bounded numbers and integers, strings, booleans. Records come out
 * empty (their keys are checked by refinements a random key would fail). Refinements are not in
 * the JSON Schema: filter the values with the zod schema itself (`fc.pre(schema.safeParse(v))`).
 */
import fc from 'fast-check';
import { z } from 'zod';

type Json = Record<string, unknown>;

/** −0 does not survive JSON (it is written as 0), so generated numbers never are −0. */
const noNegZero = (v: number) => (Object.is(v, -0) ? 0 : v);

function numberArb(s: Json, integer: boolean): fc.Arbitrary<number> {
  const lo = (s.minimum as number | undefined) ?? (s.exclusiveMinimum as number | undefined);
  const hi = (s.maximum as number | undefined) ?? (s.exclusiveMaximum as number | undefined);
  if (integer) {
    const min = Math.ceil(lo ?? -1e9);
    const max = Math.floor(hi ?? 1e9);
    if (min >= -0x80000000 && max <= 0x7fffffff) return fc.integer({ min, max });
    return fc.double({ min, max, noNaN: true }).map((v) => noNegZero(Math.floor(v)));
  }
  const arb = fc.double({
    min: lo ?? -1e6,
    max: hi ?? 1e6,
    noNaN: true,
    noDefaultInfinity: true,
    minExcluded: s.exclusiveMinimum !== undefined,
    maxExcluded: s.exclusiveMaximum !== undefined,
  });
  return arb.map(noNegZero);
}

function fromJson(s: Json): fc.Arbitrary<unknown> {
  if ('const' in s) return fc.constant(s.const);
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
  const options = (s.anyOf ?? s.oneOf) as Json[] | undefined;
  if (options) return fc.oneof(...options.map(fromJson));
  switch (s.type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return numberArb(s, true);
    case 'number':
      return numberArb(s, false);
    case 'string':
      return fc.string({
        minLength: (s.minLength as number | undefined) ?? 0,
        maxLength: Math.min((s.maxLength as number | undefined) ?? 40, 40),
      });
    case 'array': {
      if (Array.isArray(s.prefixItems)) return fc.tuple(...(s.prefixItems as Json[]).map(fromJson));
      const minLength = (s.minItems as number | undefined) ?? 0;
      const maxLength = Math.min((s.maxItems as number | undefined) ?? 8, minLength + 8);
      return fc.array(fromJson(s.items as Json), { minLength, maxLength });
    }
    case 'object': {
      const props = (s.properties ?? {}) as Record<string, Json>;
      if (Object.keys(props).length === 0) return fc.constant({});
      const requiredKeys = (s.required ?? []) as string[];
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries(props)) model[k] = fromJson(v);
      return fc.record(model, { requiredKeys });
    }
    default:
      throw new Error(`zod-arbitrary: no generator for ${JSON.stringify(s).slice(0, 120)}`);
  }
}

/** Values shaped like the schema's input (refinements aside). */
export function zodArbitrary(schema: z.ZodType): fc.Arbitrary<unknown> {
  return fromJson(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json);
}
