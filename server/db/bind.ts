/**
 * @module db/bind
 * Turns plain JS parameter values into DuckDB values with explicit types, so that a `$name`
 * in a query file is always bound, never spliced. Strings bind as VARCHAR, integers as
 * INTEGER (or BIGINT beyond 32 bits), other numbers as DOUBLE, string arrays as VARCHAR[].
 */
import {
  BIGINT, BOOLEAN, DOUBLE, INTEGER, LIST, VARCHAR, listValue,
  type DuckDBType, type DuckDBValue,
} from '@duckdb/node-api';

export type ParamValue = string | number | boolean | null | readonly string[] | readonly number[];
export type Params = Readonly<Record<string, ParamValue>>;

export interface BoundParams {
  values: Record<string, DuckDBValue>;
  types: Record<string, DuckDBType>;
}

function typeOf(value: ParamValue): DuckDBType {
  if (typeof value === 'string' || value === null) return VARCHAR;
  if (typeof value === 'boolean') return BOOLEAN;
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) return DOUBLE;
    return Math.abs(value) < 2 ** 31 ? INTEGER : BIGINT;
  }
  return value.every((v) => typeof v === 'string') ? LIST(VARCHAR) : LIST(DOUBLE);
}

function valueOf(value: ParamValue): DuckDBValue {
  if (Array.isArray(value)) return listValue([...value]);
  if (typeof value === 'number' && Number.isInteger(value) && Math.abs(value) >= 2 ** 31) return BigInt(value);
  return value as DuckDBValue;
}

/** Binds only the parameters that a statement names (a script's statements use different subsets). */
export function bindParams(params: Params, names?: readonly string[]): BoundParams {
  const values: Record<string, DuckDBValue> = {};
  const types: Record<string, DuckDBType> = {};
  for (const name of names ?? Object.keys(params)) {
    if (!Object.hasOwn(params, name)) throw new Error(`query parameter $${name} was not given`);
    const value = params[name] as ParamValue;
    values[name] = valueOf(value);
    types[name] = typeOf(value);
  }
  return { values, types };
}
