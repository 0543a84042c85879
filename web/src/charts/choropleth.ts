/**
 * @module charts/choropleth
 * The township map: TopoJSON polygons coloured by one value per township (Vega-Lite `geoshape`),
 * township names on top (when few enough to read), the selected township outlined. Townships without a value are grey.
 *
 * @example
 * const spec = choroplethSpec({ topology, rows, valueTitle: '户籍人口', format: ',.0f', labels: { name: '名称', code: '代码' } });
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ColorScheme } from 'vega';
import type { Topology } from 'topojson-specification';
import { SCHEMA, chartConfig, type Medium } from './common.ts';
import { INK } from './palette.ts';
import { labelPoints, mercatorPlanar, mercatorY, type LabelPoint } from './geo.ts';

export interface ChoroplethInput {
  topology: Topology;
  rows: readonly { township: string; name: string; value: number | null; small?: boolean }[];
  valueTitle: string;
  /** d3-format of the value (',.0f' counts, ',.2f' rates). */
  format?: string;
  /** Tooltip titles in the page's language. */
  labels: { name: string; code: string };
  scheme?: ColorScheme;
  /** Show township names on the map (default: when there are few enough to read, NAMED_UP_TO). */
  names?: boolean;
  /** 'print' for reports and exported pictures (common.ts). */
  medium?: Medium;
  width?: number;
  height?: number;
}

/**
 * Up to this many townships the map carries their names (a county has 10–40); beyond it, names
 * would cover the map (a province's 1,500 make a black blot) and the tooltip gives them instead.
 */
export const NAMED_UP_TO = 80;

/**
 * The name of the values' dataset in the compiled chart: a drawn view can be given other values
 * (`view.data(TOWNSHIP_VALUES, townshipValues(rows))`) without compiling the map again
 * (server/workers/mapViews.ts).
 */
export const TOWNSHIP_VALUES = 'township_values';

/** The fill of a township without a value (the page's note says grey means no value). */
export const NO_VALUE_GREY = '#b4b4b4';

/** A value the colour scale can place (not null, not NaN). */
export function hasValue(value: number | null): value is number {
  return value !== null && Number.isFinite(value);
}

/** The values' dataset of the chart: one record per township. */
export function townshipValues(rows: ChoroplethInput['rows']): { township: string; name: string; value: number | null; small: boolean }[] {
  return rows.map((r) => ({ township: r.township, name: r.name, value: r.value, small: r.small ?? false }));
}

export function choroplethSpec(input: ChoroplethInput): TopLevelSpec {
  const feature = Object.keys(input.topology.objects)[0] ?? 'townships';
  const format = input.format ?? ',';
  const values = townshipValues(input.rows);
  const named = input.names ?? values.length <= NAMED_UP_TO;
  const anyValue = values.some((v) => hasValue(v.value));
  const points = named ? namePoints(input.topology, values) : [];
  return {
    $schema: SCHEMA,
    width: input.width ?? 560,
    height: input.height ?? 420,
    // drawn in Mercator's plane, already projected (geo.ts mercatorPlanar); north is up
    projection: { type: 'identity', reflectY: true },
    // without a legend, the map still says what it shows
    ...(anyValue ? {} : { title: { text: input.valueTitle, anchor: 'start' as const, fontSize: 12, fontWeight: 'normal' as const } }),
    layer: [
      {
        name: 'townships',
        data: { values: mercatorPlanar(input.topology), format: { type: 'topojson', feature } },
        transform: [
          { calculate: 'datum.id || datum.properties.code', as: 'code' },
          { lookup: 'code', from: { data: { name: TOWNSHIP_VALUES, values }, key: 'township', fields: ['name', 'value', 'small'] } },
        ],
        // 'show': a township without a value is drawn (grey, by the colour's condition), not left out
        // as Vega-Lite leaves out invalid values by default — which also kept each drawing's order of
        // townships the same whatever the values (workers/mapViews.ts draws new values on a kept view)
        mark: { type: 'geoshape', stroke: '#ffffff', strokeWidth: 1, cursor: 'pointer', invalid: 'show' },
        encoding: {
          color: {
            // a neutral grey darker than every scheme's lightest shade (#d5dbe0 read as the lowest purple)
            condition: { test: 'datum.value === null || !isValid(datum.value)', value: NO_VALUE_GREY },
            field: 'value', type: 'quantitative', title: input.valueTitle, scale: { scheme: input.scheme ?? 'oranges', zero: false },
            // no legend when no township has a value (its scale would read NaN to NaN): the title says what is shown
            legend: anyValue ? { format, orient: 'right', direction: 'vertical', gradientLength: 220, titleLimit: 300 } : null,
          },
          tooltip: [
            { field: 'name', type: 'nominal', title: input.labels.name },
            { field: 'code', type: 'nominal', title: input.labels.code },
            { field: 'value', type: 'quantitative', title: input.valueTitle, format },
          ],
          description: { field: 'code', type: 'nominal' },
        },
      },
      ...(!named ? [] : [{
        // a white outline under each name, so it reads on the darkest townships too (on screen and printed)
        name: 'halos',
        data: { values: points },
        mark: { type: 'text' as const, fontSize: 10.5, fill: '#ffffff', stroke: '#ffffff', strokeWidth: 3, strokeOpacity: 0.85, strokeJoin: 'round' as const },
        encoding: {
          longitude: { field: 'lon', type: 'quantitative' as const },
          latitude: { field: 'lat', type: 'quantitative' as const },
          text: { field: 'name', type: 'nominal' as const },
          description: { field: 'code', type: 'nominal' as const },
        },
      }, {
        name: 'labels',
        data: { values: points },
        mark: { type: 'text' as const, fontSize: 10.5, fill: INK, cursor: 'pointer' as const },
        encoding: {
          longitude: { field: 'lon', type: 'quantitative' as const },
          latitude: { field: 'lat', type: 'quantitative' as const },
          text: { field: 'name', type: 'nominal' as const },
          // the code, as the polygons carry it: the page opens the township whose name is clicked
          description: { field: 'code', type: 'nominal' as const },
        },
      }]),
    ],
    config: chartConfig(input.medium),
  };
}

/** Where each township's name goes; small townships (city subdistricts) without the 街道/镇/乡 suffix, so labels fit. */
function namePoints(topology: Topology, values: readonly { township: string; name: string }[]): (LabelPoint & { name: string })[] {
  const names = new Map(values.map((r) => [r.township, r.name]));
  const located = labelPoints(topology);
  const areas = located.map((p) => p.area).sort((a, b) => a - b);
  const median = areas[Math.floor(areas.length / 2)] ?? 0;
  // only the townships asked about: a township account's map names its own, not 1,500 codes
  return located.filter((p) => names.has(p.code)).map((p) => {
    const name = names.get(p.code)!;
    return { ...p, lat: mercatorY(p.lat), name: p.area < median * 0.4 ? name.replace(/(街道|镇|乡)$/, '') : name };
  });
}
