/**
 * @module charts/geo
 * Label points for the township map: the area-weighted centroid of each township's largest
 * ring, decoded from the TopoJSON arcs (quantised and delta-encoded when `transform` is set).
 *
 * @example
 * labelPoints(topology); // [{ code: '999901001', lon: 114.3, lat: 30.4 }, …]
 */
import type { Topology, GeometryObject, Polygon, MultiPolygon } from 'topojson-specification';

export interface LabelPoint { code: string; lon: number; lat: number; /** Planar area of the labelled ring (degrees²), to shorten labels of small townships. */ area: number }

function decodeArcs(topology: Topology): [number, number][][] {
  const tf = topology.transform;
  return topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map((p): [number, number] => {
      if (!tf) return [p[0]!, p[1]!];
      x += p[0]!;
      y += p[1]!;
      return [x * tf.scale[0] + tf.translate[0], y * tf.scale[1] + tf.translate[1]];
    });
  });
}

/** Mercator's northing of a latitude, in degrees of longitude at the equator (d3's geoMercator, unscaled). */
export function mercatorY(lat: number): number {
  return (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
}

/**
 * The topology with its arcs in Mercator's plane (longitude, `mercatorY(latitude)`), decoded, for
 * an identity projection: the map looks as under `mercator`, without d3-geo's spherical clipping
 * and resampling of every point (about a third of drawing a province's 1,500 townships).
 */
export function mercatorPlanar(topology: Topology): Topology {
  let planar = planarOf.get(topology);
  if (!planar) {
    const arcs = decodeArcs(topology).map((arc) => arc.map(([lon, lat]): [number, number] => [lon, mercatorY(lat)]));
    const { transform: _quantised, ...rest } = topology;
    planarOf.set(topology, (planar = { ...rest, arcs }));
  }
  return planar;
}

/**
 * Each topology's planar copy, made once: the server's map worker keeps one topology per database
 * and draws it again and again (2.3 ms a drawing for a province's arcs). Neither Vega nor the
 * label placement changes a topology, so the copy can be shared.
 */
const planarOf = new WeakMap<Topology, Topology>();

function ring(arcs: [number, number][][], indexes: readonly number[]): [number, number][] {
  const points: [number, number][] = [];
  for (const i of indexes) {
    const arc = i >= 0 ? arcs[i]! : [...arcs[~i]!].reverse();
    points.push(...(points.length ? arc.slice(1) : arc));
  }
  return points;
}

function centroid(points: readonly [number, number][]): { x: number; y: number; area: number } {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < points.length - 1; i++) {
    const [x0, y0] = points[i]!;
    const [x1, y1] = points[i + 1]!;
    const f = x0 * y1 - x1 * y0;
    a += f;
    cx += (x0 + x1) * f;
    cy += (y0 + y1) * f;
  }
  if (Math.abs(a) < 1e-12) {
    const n = points.length || 1;
    return { x: points.reduce((s, p) => s + p[0], 0) / n, y: points.reduce((s, p) => s + p[1], 0) / n, area: 0 };
  }
  return { x: cx / (3 * a), y: cy / (3 * a), area: Math.abs(a / 2) };
}

function codeOf(g: GeometryObject<object | null>): string | null {
  const props = (g as { properties?: { code?: unknown } }).properties;
  const code = g.id ?? props?.code;
  return code === undefined || code === null ? null : String(code);
}

export function labelPoints(topology: Topology): LabelPoint[] {
  const arcs = decodeArcs(topology);
  const out: LabelPoint[] = [];
  for (const object of Object.values(topology.objects)) {
    const geometries = object.type === 'GeometryCollection' ? object.geometries : [object];
    for (const g of geometries) {
      const code = codeOf(g);
      if (!code) continue;
      const polygons = g.type === 'Polygon' ? [(g as Polygon).arcs] : g.type === 'MultiPolygon' ? (g as MultiPolygon).arcs : [];
      let best: { x: number; y: number; area: number } | null = null;
      for (const poly of polygons) {
        const outer = poly[0];
        if (!outer) continue;
        const c = centroid(ring(arcs, outer));
        if (!best || c.area > best.area) best = c;
      }
      if (best) out.push({ code, lon: best.x, lat: best.y, area: best.area });
    }
  }
  return out;
}
