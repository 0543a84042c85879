/**
 * @module generator/geometry
 * Synthetic township polygons: a smooth irregular outline per county (or one per province,
 * tiled into county cells), Voronoi cells (d3-delaunay) of seeded points clipped to it, with
 * 街道 as small cells near the centre and 乡 on the rim. Rings are closed and clockwise (the
 * winding d3-geo / Vega expect); areas in km² by an equirectangular projection.
 *
 * @example
 * const geo = buildGeometry(counties, 20);
 * geo.polygons.get('999901001'); // [[lon, lat], …]
 */
import { Delaunay } from 'd3-delaunay';
import { topology } from 'topojson-server';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import type { County, Township } from './regions.ts';
import { Rng } from '../../common/random.ts';
import { STREAM } from './streams.ts';

export type Ring = [number, number][];

function signedArea(r: Ring): number {
  let s = 0;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) s += (r[i]![0] - r[j]![0]) * (r[i]![1] + r[j]![1]);
  return s / 2; // > 0 when clockwise (lat up)
}

function inside(p: readonly [number, number], r: Ring): boolean {
  let c = false;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
    const [xi, yi] = r[i]!;
    const [xj, yj] = r[j]!;
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) c = !c;
  }
  return c;
}

/** Sutherland-Hodgman: the part of `subject` (any simple ring) inside the convex ring `clip`. */
function clipConvex(subject: Ring, clip: Ring): Ring {
  const ccw = signedArea(clip) < 0;
  let out = subject;
  for (let i = 0; i < clip.length && out.length > 0; i++) {
    const a = clip[i]!;
    const b = clip[(i + 1) % clip.length]!;
    const side = (p: readonly [number, number]) => {
      const cr = (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]);
      return ccw ? cr >= 0 : cr <= 0;
    };
    const input = out;
    out = [];
    for (let k = 0; k < input.length; k++) {
      const p = input[k]!;
      const q = input[(k + 1) % input.length]!;
      const pin = side(p);
      const qin = side(q);
      if (pin) out.push(p);
      if (pin !== qin) {
        const dx = q[0] - p[0];
        const dy = q[1] - p[1];
        const ex = b[0] - a[0];
        const ey = b[1] - a[1];
        const den = dx * ey - dy * ex;
        if (den !== 0) {
          const t = ((a[0] - p[0]) * ey - (a[1] - p[1]) * ex) / den;
          out.push([p[0] + t * dx, p[1] + t * dy]);
        }
      }
    }
  }
  return out;
}

/** A smooth irregular closed outline around (cx, cy) with radii (rx, ry). */
function outline(rng: Rng, cx: number, cy: number, rx: number, ry: number, vertices = 160): Ring {
  const harmonics = [2, 3, 5, 7].map((k) => ({ k, amp: (0.1 / Math.sqrt(k)) * (0.5 + rng.next()), phase: rng.next() * 2 * Math.PI }));
  const ring: Ring = [];
  for (let i = 0; i < vertices; i++) {
    const th = (-2 * Math.PI * i) / vertices; // clockwise
    let r = 1;
    for (const h of harmonics) r += h.amp * Math.sin(h.k * th + h.phase);
    ring.push([cx + rx * r * Math.cos(th), cy + ry * r * Math.sin(th)]);
  }
  return ring;
}

function bbox(r: Ring): [number, number, number, number] {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const [x, y] of r) { x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y); }
  return [x0, y0, x1, y1];
}

function centroid(r: Ring): [number, number] {
  let sx = 0, sy = 0;
  for (const [x, y] of r) { sx += x; sy += y; }
  return [sx / r.length, sy / r.length];
}

/** Seeded points inside `ring`, one per item, placed at a preferred relative radius (0 centre, 1 rim). */
function seedPoints(rng: Rng, ring: Ring, prefs: readonly number[]): [number, number][] {
  const [x0, y0, x1, y1] = bbox(ring);
  const [cx, cy] = centroid(ring);
  const rmax = Math.max(x1 - x0, y1 - y0) / 2;
  const minDist = (0.45 * Math.sqrt(((x1 - x0) * (y1 - y0)) / prefs.length));
  const pts: [number, number][] = [];
  for (const pref of prefs) {
    let best: [number, number] | undefined;
    for (let attempt = 0; attempt < 4000; attempt++) {
      const p: [number, number] = [x0 + rng.next() * (x1 - x0), y0 + rng.next() * (y1 - y0)];
      if (!inside(p, ring)) continue;
      const rel = Math.hypot(p[0] - cx, p[1] - cy) / rmax;
      const shrink = attempt < 3000 ? 1 : 0.5;
      if (Math.abs(rel - pref) > 0.22 / shrink) continue;
      const md = pref < 0.2 ? minDist * 0.45 : minDist;
      if (pts.some((q) => Math.hypot(q[0] - p[0], q[1] - p[1]) < md * shrink)) continue;
      best = p;
      break;
    }
    if (!best) {
      for (;;) {
        const p: [number, number] = [x0 + rng.next() * (x1 - x0), y0 + rng.next() * (y1 - y0)];
        if (inside(p, ring)) { best = p; break; }
      }
    }
    pts.push(best);
  }
  return pts;
}

/** Voronoi tiling of `ring` by `pts`: one clipped clockwise ring per point. */
function tile(ring: Ring, pts: readonly [number, number][]): Ring[] {
  const [x0, y0, x1, y1] = bbox(ring);
  const pad = Math.max(x1 - x0, y1 - y0);
  if (pts.length === 1) return [ring.slice()];
  const vor = Delaunay.from(pts).voronoi([x0 - pad, y0 - pad, x1 + pad, y1 + pad]);
  return pts.map((_, i) => {
    const cell = vor.cellPolygon(i) as unknown as Ring | null;
    if (!cell) return [];
    const convex = cell.slice(0, -1);
    const r = clipConvex(ring, convex);
    return signedArea(r) < 0 ? r.reverse() : r;
  });
}

export function areaKm2(r: Ring): number {
  const lat0 = centroid(r)[1];
  const kx = 111.32 * Math.cos((lat0 * Math.PI) / 180);
  return Math.abs(signedArea(r)) * kx * 110.57;
}

const RADIUS_PREF = { subdistrict: 0.08, town: 0.5, township: 0.85 } as const;

export interface Geometry {
  readonly polygons: Map<string, Ring>;
  readonly areas: Map<string, number>;
}

/** Polygons for all townships: one county at (114.3, 30.45), or a province of county cells. */
export function buildGeometry(counties: readonly County[]): Geometry {
  const rng = new Rng(0x5eed, STREAM.geography, 1000 + counties.length);
  const polygons = new Map<string, Ring>();
  const areas = new Map<string, number>();
  let countyRings: Ring[];
  if (counties.length === 1) {
    countyRings = [outline(rng, 114.3, 30.45, 0.3, 0.25)];
  } else {
    const side = Math.sqrt(counties.length);
    const province = outline(rng, 112.5, 31.0, 0.3 * side, 0.25 * side, 400);
    const pts = seedPoints(rng, province, counties.map(() => 0.1 + 0.8 * rng.next()));
    countyRings = tile(province, pts);
  }
  counties.forEach((county, c) => {
    const ring = countyRings[c]!;
    const ts: readonly Township[] = county.townships;
    const prefs = ts.map((t) => RADIUS_PREF[t.kind]);
    const pts = seedPoints(rng, ring, prefs);
    const cells = tile(ring, pts);
    ts.forEach((t, i) => {
      const cell = cells[i]!;
      const closed: Ring = cell.map(([x, y]) => [Math.round(x * 1e5) / 1e5, Math.round(y * 1e5) / 1e5]);
      if (closed.length > 0) closed.push([closed[0]![0], closed[0]![1]]);
      polygons.set(t.code, closed);
      areas.set(t.code, Math.round(areaKm2(cell) * 100) / 100);
    });
  });
  return { polygons, areas };
}

/** The regions.topojson text: object `townships`, each geometry with id = code and {code, name}. */
export function topojsonText(townships: readonly Township[], geo: Geometry): string {
  const features: Feature<Polygon, { code: string; name: string }>[] = townships.map((t) => ({
    type: 'Feature',
    id: t.code,
    properties: { code: t.code, name: t.name },
    geometry: { type: 'Polygon', coordinates: [geo.polygons.get(t.code) ?? []] },
  }));
  const collection: FeatureCollection<Polygon, { code: string; name: string }> = { type: 'FeatureCollection', features };
  const topo = topology({ townships: collection }, 1e5);
  return JSON.stringify(topo);
}
