/**
 * @module ingest/topology
 * The optional township boundaries for the map: `regions.topojson`, or else the first `*.topojson`
 * or `*.geojson` file of the folder (what a county's GIS office may have). GeoJSON is turned into
 * TopoJSON; a feature's township code is its `code`, `统计用区划代码`, `区划代码` property or its
 * id, a 12-digit code cut to its 9-digit township. Checked to be a TopoJSON Topology whose
 * geometries each carry a township code (as `id` or `properties.code`).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { topology as toTopology } from 'topojson-server';
import type { FeatureCollection } from 'geojson';
import { TOPOJSON_FILE } from '../../contract/tables.ts';
import { IngestError } from './IngestError.ts';

type Properties = Record<string, unknown> | null;

/** A GeoJSON FeatureCollection as TopoJSON text, each feature keyed by its 9-digit township code. */
function geojsonToTopology(file: string, text: string): string {
  let parsed: FeatureCollection;
  try {
    parsed = JSON.parse(text) as FeatureCollection;
  } catch (e) {
    throw new IngestError('topojson_invalid', `${file}：不是有效的 JSON（${e instanceof Error ? e.message : String(e)}）— not valid JSON`, file);
  }
  if (parsed.type !== 'FeatureCollection' || !Array.isArray(parsed.features)) {
    throw new IngestError('topojson_invalid', `${file}：不是 GeoJSON FeatureCollection — not a GeoJSON FeatureCollection`, file);
  }
  const features = parsed.features.map((feature, i) => {
    const p = (feature.properties ?? {}) as NonNullable<Properties>;
    const raw = String(p.code ?? p['统计用区划代码'] ?? p['区划代码'] ?? feature.id ?? '').replace(/\s/g, '');
    const code = raw.length === 12 ? raw.slice(0, 9) : raw;
    if (!/^[0-9]{9}$/.test(code)) throw new IngestError('topojson_invalid', `${file}：第 ${i + 1} 个要素（features[${i}]）没有 9 位或 12 位乡镇代码（code、统计用区划代码、区划代码或 id）— has no township code`, file);
    return { ...feature, id: code, properties: { ...p, code } };
  });
  const collection: FeatureCollection = { type: 'FeatureCollection', features };
  return JSON.stringify(toTopology({ regions: collection }));
}

/** True for a township boundary file's name (TopoJSON or GeoJSON). */
export function isBoundaryFile(name: string): boolean {
  return /\.(topojson|geojson)$/i.test(name);
}

/** The boundary file: regions.topojson, else the first .topojson / .geojson in the folder. */
function boundaryFile(source: string): string | null {
  if (existsSync(path.join(source, TOPOJSON_FILE))) return path.join(source, TOPOJSON_FILE);
  const found = readdirSync(source).sort().find(isBoundaryFile);
  return found ? path.join(source, found) : null;
}

interface GeometryLike { id?: unknown; properties?: { code?: unknown } }
interface TopologyLike { type?: unknown; objects?: Record<string, { geometries?: GeometryLike[] }> }

/** Returns the file's text when present and valid, null when absent; throws when invalid. */
export function readTopology(source: string): string | null {
  const file = boundaryFile(source);
  if (!file) return null;
  const text = /\.geojson$/i.test(file) ? geojsonToTopology(file, readFileSync(file, 'utf8')) : readFileSync(file, 'utf8');
  let parsed: TopologyLike;
  try {
    parsed = JSON.parse(text) as TopologyLike;
  } catch (e) {
    throw new IngestError('topojson_invalid', `${file}：不是有效的 JSON（${e instanceof Error ? e.message : String(e)}）— not valid JSON`, file);
  }
  if (parsed.type !== 'Topology' || typeof parsed.objects !== 'object' || parsed.objects === null) {
    throw new IngestError('topojson_invalid', `${file}：不是 TopoJSON 拓扑（需要 "type": "Topology" 和 "objects"）— not a TopoJSON Topology`, file);
  }
  for (const [name, object] of Object.entries(parsed.objects)) {
    const missing = (object.geometries ?? []).findIndex((g) => typeof (g.id ?? g.properties?.code) !== 'string');
    if (missing >= 0) {
      throw new IngestError('topojson_invalid', `${file}：objects.${name}.geometries[${missing}] 没有乡镇代码（id 或 properties.code）— has no township code`, file);
    }
  }
  return text;
}

/** What the import page says of a folder's boundary file: its name and township count, or why it cannot be used. */
export type BoundarySummary = { file: string; townships: number } | { file: string; problem: string };

export function boundarySummary(source: string): BoundarySummary | null {
  const file = boundaryFile(source);
  if (!file) return null;
  const name = path.basename(file);
  try {
    const parsed = JSON.parse(readTopology(source)!) as TopologyLike;
    const townships = new Set(Object.values(parsed.objects ?? {}).flatMap((o) => (o.geometries ?? []).map((g) => String(g.id ?? g.properties?.code))));
    return { file: name, townships: townships.size };
  } catch (e) {
    if (e instanceof IngestError) return { file: name, problem: e.message.replace(file, name) };
    throw e;
  }
}
