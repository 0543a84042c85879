/**
 * @module charts/mapLayers
 * The overview map's layers: which API answer holds each layer's value per township, how to read
 * it, and the chart drawn from it — a choropleth over the imported boundaries, or ranked bars when
 * none were imported. Shared by the server, which draws the map (GET /api/map.svg,
 * server/routes/mapSvg.ts), and the page, which inserts that picture and keeps the values for its
 * table, tooltips and picture export.
 *
 * @example
 * layerRequest('tfr', 2024, 'year'); // '/indicators/tfr?township=each&from=2024&to=2024&period=year'
 */
import type { ColorScheme } from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import type { Topology } from 'topojson-specification';
import { EACH_TOWNSHIP } from '../../../contract/api.ts';
import { d3Format, formatValue } from '../format.ts';
import { paren, t, type Lang, type StringKey } from '../i18n/index.ts';
import { barsSpec } from './bars.ts';
import { choroplethSpec, hasValue, NAMED_UP_TO, townshipValues } from './choropleth.ts';

export const MAP_LAYERS = ['population', 'population_registered', 'births', 'cbr', 'tfr', 'srb', 'compliance', 'migrant_stock', 'share65'] as const;
export type MapLayerId = (typeof MAP_LAYERS)[number];
export type MapPeriod = 'year' | 'statyear';

export const MAP_TITLES: Record<MapLayerId, StringKey> = {
  population: 'population', population_registered: 'populationRegistered', births: 'births', cbr: 'cbr', tfr: 'tfr',
  srb: 'srbSmoothed', compliance: 'complianceRegistered', migrant_stock: 'migrantStock', share65: 'share65',
};

const SCHEMES: Partial<Record<MapLayerId, ColorScheme>> = { srb: 'reds', compliance: 'greens', tfr: 'purples', cbr: 'purples', share65: 'blues', migrant_stock: 'teals' };

export interface MapValue { township: string; value: number | null; small: boolean }
/** A layer's values, its unit and the answer's rows as they are (for the table download). */
export interface LayerValues { rows: MapValue[]; unit: string; raw: Record<string, unknown>[] }

/** The API request (path under /api, with its query) whose answer holds the layer's values for every township. */
export function layerRequest(layer: MapLayerId, year: number, period: MapPeriod): string {
  const q = new URLSearchParams({ township: EACH_TOWNSHIP, from: String(year), to: String(year) });
  switch (layer) {
    case 'population_registered': return `/map?${new URLSearchParams({ indicator: 'population', year: String(year) })}`;
    case 'population': q.set('residence', 'all'); return `/indicators/population?${q}`;
    case 'share65': return `/indicators/age_structure?${q}`;
    case 'srb': q.set('period', period); return `/srb?${q}`;
    // registered births, as the headline card beside the map and the year's targets count them
    case 'compliance': q.set('period', period); q.set('residence', 'registered'); return `/indicators/compliance?${q}`;
    default: q.set('period', period); return `/indicators/${layer}?${q}`;
  }
}

type Row = Record<string, unknown>;
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

/** The values of a layer out of the answer to `layerRequest`. */
export function layerValues(layer: MapLayerId, answer: { unit?: unknown; rows: Row[] }): LayerValues {
  const value = (r: Row): MapValue => ({ township: String(r.township), value: num(r.value), small: r.small === true });
  switch (layer) {
    case 'population_registered':
      return { rows: answer.rows.map((r) => ({ ...value(r), small: false })), unit: 'persons', raw: answer.rows };
    case 'share65': {
      const rows = answer.rows.filter((r) => r.group === '65+');
      return { rows: rows.map(value), unit: '%', raw: rows };
    }
    case 'srb':
      return { rows: answer.rows.map((r) => ({ ...value(r), value: num(r.smoothed) })), unit: 'ratio', raw: answer.rows };
    default:
      return { rows: answer.rows.map(value), unit: String(answer.unit ?? ''), raw: answer.rows };
  }
}

export interface MapChartInput {
  layer: MapLayerId;
  /** The values and their unit (the raw rows are the table's, not the chart's). */
  values: Pick<LayerValues, 'rows' | 'unit'>;
  /** A township's name by its code. */
  nameOf: (code: string) => string;
  /** The imported boundaries; null draws ranked bars instead. */
  topology: Topology | null;
  lang: Lang;
}

/** A bar's aria-label: the township's code first (overview/map.ts reads it), then what a screen reader should say of it. */
function barLabel(r: MapValue & { name: string }, unit: string, lang: Lang): string {
  return `${r.township} ${r.name}: ${formatValue(r.value, unit)}${r.small ? ` ⚠ ${t('smallWarning', lang)}` : ''}`;
}

/**
 * Whether the map's chart changes with its values only through its dataset of values: a
 * choropleth without township names (those are placed from the rows: NAMED_UP_TO) and with a
 * legend (some township has a value), whose drawn view can then be given the next values
 * (`mapTownshipValues`) instead of being compiled again.
 */
export function mapTakesNewValues({ values, topology }: Pick<MapChartInput, 'values' | 'topology'>): boolean {
  // (a map without any value has no legend: another chart)
  return topology !== null && values.rows.length > NAMED_UP_TO && values.rows.some((r) => hasValue(r.value));
}

/** The choropleth's dataset of values (choropleth.ts TOWNSHIP_VALUES) for these values. */
export function mapTownshipValues(input: Pick<MapChartInput, 'values' | 'nameOf'>): ReturnType<typeof townshipValues> {
  return townshipValues(namedRows(input));
}

/** The values' rows with each township's name. */
function namedRows({ values, nameOf }: Pick<MapChartInput, 'values' | 'nameOf'>): (MapValue & { name: string })[] {
  return values.rows.map((r) => ({ ...r, name: nameOf(r.township) }));
}

/** The map's chart: the same spec whether the server draws it or the page exports it as a picture. */
export function mapChartSpec({ layer, values, nameOf, topology, lang }: MapChartInput): TopLevelSpec {
  const named = namedRows({ values, nameOf });
  const unit = values.unit;
  const unitText = unit === 'persons' ? `${paren(t('persons', lang), lang)}` : unit === '‰' || unit === '%' ? paren(unit, lang) : '';
  const title = `${t(MAP_TITLES[layer], lang)}${unitText}`;
  if (topology) {
    return choroplethSpec({
      topology, rows: named, valueTitle: title, format: d3Format(unit), scheme: SCHEMES[layer] ?? 'oranges',
      labels: { name: t('name', lang), code: t('code', lang) }, width: 520, height: 400,
    });
  }
  return barsSpec({
    rows: [...named].sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity)).map((r) => ({ category: r.name, value: r.value, small: r.small, description: barLabel(r, unit, lang) })),
    xTitle: title, format: d3Format(unit), width: 420, labels: { category: t('name', lang), small: t('smallWarning', lang) },
  });
}
