/**
 * A fast path for validating the report model with its zod schema.
 *
 * zod's runtime parser walks the schema for each of the 250-odd values of
 * every report: a tenth of processing a report. `z.compile` generates one
 * function for the whole schema, but for this one it is some 140 KB of code,
 * too large for V8 to optimise, and it takes 15 to 50 ms to build in every
 * process. Here the schema is read once into a small function per schema
 * node and handed to zod with `z.withParser`, zod's hook for a parser built
 * outside it: a value the functions accept comes back as zod would return it
 * (a fresh copy, keys in schema order); anything else goes to zod's own
 * parser, so the issues reported are always zod's. A schema construct not
 * handled below leaves the schema on zod's parser alone.
 */

import { z } from 'zod';

type Parse = (input: unknown) => unknown;

/** Thrown while reading a schema that uses a construct the fast path does not model. */
class Unsupported extends Error {}

/**
 * `schema` with the fast path installed, or `schema` itself when it uses a
 * construct the fast path does not model. Parsing with the result gives
 * exactly what parsing with `schema` gives: data or issues.
 */
export function withFastPath<S extends z.ZodType>(schema: S): S {
  const parse = fastParser(schema);
  return parse ? z.withParser(schema, parse as (input: unknown) => z.output<S> | z.INVALID) : schema;
}

/**
 * The fast parser of `schema`: the parsed value, or `z.INVALID` when zod's
 * parser must decide (the value is invalid, or not a plain object where one
 * is expected). Undefined when the schema uses a construct it does not model.
 */
export function fastParser(schema: z.core.$ZodType): Parse | undefined {
  try {
    return parserOf(schema);
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

function parserOf(schema: z.core.$ZodType): Parse {
  const def = schema._zod.def;
  // A check's `when` can only make zod skip it: running every check is never more lenient than zod.
  const checks = (def.checks ?? []).map((check) => check._zod.def);
  switch (def.type) {
    case 'object':
      if (checks.length > 0) throw new Unsupported('object refinement');
      return objectParser(def as z.core.$ZodObjectDef);
    case 'union':
      if (checks.length > 0) throw new Unsupported('union refinement');
      return unionParser(def as z.core.$ZodUnionDef);
    case 'literal': {
      if (checks.length > 0) throw new Unsupported('literal refinement');
      const values = new Set((def as z.core.$ZodLiteralDef<z.core.util.Literal>).values);
      return (input) => (values.has(input as z.core.util.Literal) ? input : z.INVALID);
    }
    case 'number':
      if ((def as z.core.$ZodNumberDef).coerce) throw new Unsupported('coercion');
      return numberParser(checks);
    case 'string':
      if ((def as z.core.$ZodStringDef).coerce) throw new Unsupported('coercion');
      return stringParser(checks);
    default:
      throw new Unsupported(def.type);
  }
}

/**
 * Strict objects only (`z.strictObject`): a plain object whose keys are all
 * in the shape. Output keys follow the shape's order, as zod's do; an
 * optional key is left out when absent (present but undefined: zod decides).
 */
function objectParser(def: z.core.$ZodObjectDef): Parse {
  if (def.catchall?._zod.def.type !== 'never') throw new Unsupported('non-strict object');
  const fields = Object.entries(def.shape).map(([key, schema]) => {
    const optional = schema._zod.def.type === 'optional';
    const inner = optional ? (schema._zod.def as z.core.$ZodOptionalDef).innerType : schema;
    if (optional && (schema._zod.def.checks ?? []).length > 0) throw new Unsupported('optional refinement');
    return { key, optional, parse: parserOf(inner) };
  });
  return (input) => {
    // zod reads inherited keys too (`for … in`): leave anything but a plain object to it.
    if (typeof input !== 'object' || input === null) return z.INVALID;
    const prototype: unknown = Object.getPrototypeOf(input);
    if (prototype !== Object.prototype && prototype !== null) return z.INVALID;
    const record = input as Record<string, unknown>;
    const output: Record<string, unknown> = {};
    let present = 0;
    for (const { key, optional, parse } of fields) {
      const value = record[key];
      if (value === undefined) {
        if (optional && !Object.hasOwn(record, key)) continue;
        return z.INVALID;
      }
      const parsed = parse(value);
      if (parsed === z.INVALID) return z.INVALID;
      output[key] = parsed;
      present++;
    }
    // Every key of the input was one of the shape's: no unrecognised key (inherited ones count, as for zod).
    let keys = 0;
    for (const _ in record) keys++;
    return keys === present ? output : z.INVALID;
  };
}

/**
 * A union takes the first option that accepts the value. A discriminated or
 * exclusive union (`inclusive: false`) accepts only when exactly one does:
 * zod picks the option by the discriminator, which then is that one.
 */
function unionParser(def: z.core.$ZodUnionDef): Parse {
  const options = def.options.map(parserOf);
  if (def.inclusive !== false) {
    return (input) => {
      for (const parse of options) {
        const parsed = parse(input);
        if (parsed !== z.INVALID) return parsed;
      }
      return z.INVALID;
    };
  }
  return (input) => {
    let result: unknown = z.INVALID;
    for (const parse of options) {
      const parsed = parse(input);
      if (parsed === z.INVALID) continue;
      if (result !== z.INVALID) return z.INVALID;
      result = parsed;
    }
    return result;
  };
}

/** A finite number within inclusive bounds, a safe integer if `.int()`. */
function numberParser(checks: readonly z.core.$ZodCheckDef[]): Parse {
  let min = -Infinity;
  let max = Infinity;
  let safeInteger = false;
  for (const check of checks) {
    if (check.check === 'greater_than' && (check as z.core.$ZodCheckGreaterThanDef).inclusive) {
      min = Math.max(min, Number((check as z.core.$ZodCheckGreaterThanDef).value));
    } else if (check.check === 'less_than' && (check as z.core.$ZodCheckLessThanDef).inclusive) {
      max = Math.min(max, Number((check as z.core.$ZodCheckLessThanDef).value));
    } else if (check.check === 'number_format' && (check as z.core.$ZodCheckNumberFormatDef).format === 'safeint') {
      safeInteger = true;
    } else throw new Unsupported(`number check ${check.check}`);
  }
  return (input) =>
    typeof input === 'number' && Number.isFinite(input) && (!safeInteger || Number.isSafeInteger(input)) && input >= min && input <= max
      ? input
      : z.INVALID;
}

/** A string of a minimum length that matches every pattern. */
function stringParser(checks: readonly z.core.$ZodCheckDef[]): Parse {
  let minLength = 0;
  const patterns: RegExp[] = [];
  for (const check of checks) {
    if (check.check === 'min_length') minLength = Math.max(minLength, (check as z.core.$ZodCheckMinLengthDef).minimum);
    else if (check.check === 'string_format' && (check as z.core.$ZodCheckRegexDef).format === 'regex') patterns.push((check as z.core.$ZodCheckRegexDef).pattern);
    else throw new Unsupported(`string check ${check.check}`);
  }
  return (input) => {
    if (typeof input !== 'string' || input.length < minLength) return z.INVALID;
    for (const pattern of patterns) {
      // As zod does: a global or sticky pattern would otherwise go on from its last match.
      pattern.lastIndex = 0;
      if (!pattern.test(input)) return z.INVALID;
    }
    return input;
  };
}
