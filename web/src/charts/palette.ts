/**
 * @module charts/palette
 * The one set of colours every chart uses, on screen and in printed reports: series in a
 * categorical palette with the county in near-black, the residence groups, the sexes, the
 * marks that comment on the data (targets, the SRB normal band, flagged values).
 *
 * @example
 * colors: { domain: names, range: names.map((_, i) => PALETTE[i % PALETTE.length]!) }
 */

/** Series colours: townships, age groups, tables; the first is the colour of a lone series. */
export const PALETTE = ['#c0392b', '#2471a3', '#d68910', '#239b56', '#7d3c98', '#17a589', '#a04000', '#5d6d7e'];
/** The county beside its townships, and text drawn on a chart. */
export const COUNTY_COLOR = '#1d2733';
export const INK = COUNTY_COLOR;
/** A lone series (a report's trend, bars of one measure). */
export const SERIES_COLOR = '#2471a3';
export const MUTED = '#5d6d7e';
/** Targets and the reference line a value is judged against. */
export const TARGET_COLOR = '#8c1c13';
/** The SRB normal range 103–107. */
export const NORMAL_BAND_COLOR = '#2e8b57';
/** A value flagged as outside its range or below its target. */
export const FLAG_COLOR = '#c0392b';
export const MET_COLOR = '#239b56';
export const RESIDENCE_COLORS = { registered: '#2471a3', migrant: '#d68910', all: '#1d2733' } as const;
export const SEX_COLORS = { M: '#2471a3', F: '#c0392b' } as const;
/** Registered people living here and in-migrants, stacked in a pyramid. */
export const PART_COLORS = ['#2f5d8a', '#e6a23c'] as const;
/** Low, medium and high projection variants. */
export const SCENARIO_COLORS = ['#2471a3', '#1d2733', '#c0392b'] as const;
/** Three vital rates side by side (births, deaths, natural increase). */
export const VITAL_COLORS = ['#2471a3', '#8c1c13', '#239b56'] as const;

/** `names` coloured from the palette in order. */
export function paletteFor(names: readonly string[]): { domain: string[]; range: string[] } {
  return { domain: [...names], range: names.map((_, i) => PALETTE[i % PALETTE.length]!) };
}
