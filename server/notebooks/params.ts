/**
 * @module notebooks/params
 * Validates report parameters (query string or `--param k=v`) against a notebook's front matter
 * and the facts of the data: unknown names, township codes not in the data, years outside it,
 * values outside a declared range or list. Every failure is a 400 naming the parameter.
 */
import { checkScope, type Scope } from '../auth/scope.ts';
import { badParameter } from '../errors/domain.ts';
import type { Catalog } from '../indicators/catalog.ts';
import type { Notebook, ParamDecl, ParamValues } from './types.ts';
import type { ReportParam } from '../../contract/reports.ts';

export function resolveParams(notebook: Notebook, raw: Readonly<Record<string, string>>, data: Catalog, scope: Scope): ParamValues {
  for (const name of Object.keys(raw)) {
    if (!notebook.params.some((p) => p.name === name)) {
      const known = notebook.params.map((p) => p.name).join(', ') || 'none';
      throw badParameter(name, `unknown parameter for report ${notebook.name} (parameters: ${known})`);
    }
  }
  const values: Record<string, string | number> = {};
  for (const p of notebook.params) values[p.name] = resolveOne(p, raw[p.name], data, scope);
  return values;
}

function resolveOne(p: ParamDecl, given: string | undefined, data: Catalog, scope: Scope): string | number {
  const text = (given ?? p.default ?? '').trim();
  if (!text) throw badParameter(p.name, `is required (${p.label})`);
  switch (p.type.kind) {
    case 'township': {
      if (text !== 'all' && !/^\d{9}$/.test(text)) throw badParameter(p.name, `"${text}" is not a 9-digit township code (or all)`);
      if (text !== 'all' && !data.townships.has(text)) throw badParameter(p.name, `no township ${text} in the data`);
      checkScope(scope, [text], p.name);
      return text;
    }
    case 'year': {
      const year = text === 'latest' ? data.lastYear : Number(text);
      if (!Number.isInteger(year)) throw badParameter(p.name, `"${text}" is not a year such as 2024`);
      if (year < data.firstYear || year > data.lastYear) throw badParameter(p.name, `${year} is outside the data: the data covers ${data.firstYear}..${data.lastYear}`);
      return year;
    }
    case 'int': {
      const n = Number(text);
      if (!Number.isInteger(n)) throw badParameter(p.name, `"${text}" is not a whole number`);
      if (n < p.type.min || n > p.type.max) throw badParameter(p.name, `${n} is outside ${p.type.min}..${p.type.max}`);
      return n;
    }
    case 'enum': {
      if (!p.type.values.includes(text)) throw badParameter(p.name, `"${text}" is not one of ${p.type.values.join(', ')}`);
      return text;
    }
  }
}

/** The parameter list as `GET /api/reports` shows it. */
export function describeParams(notebook: Notebook): ReportParam[] {
  return notebook.params.map((p) => ({
    name: p.name, label: p.label, type: p.type.kind, default: p.default, required: p.default === null,
    ...(p.type.kind === 'enum' ? { values: p.type.values } : {}),
    ...(p.type.kind === 'int' ? { min: p.type.min, max: p.type.max } : {}),
  }));
}
