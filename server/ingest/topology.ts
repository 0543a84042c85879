/**
 * @module ingest/topology
 * The optional `regions.topojson`: township polygons for the map. Checked to be a TopoJSON
 * Topology whose geometries each carry a township code (as `id` or `properties.code`).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { TOPOJSON_FILE } from '../contract/tables.ts';
import { IngestError } from './IngestError.ts';

interface GeometryLike { id?: unknown; properties?: { code?: unknown } }
interface TopologyLike { type?: unknown; objects?: Record<string, { geometries?: GeometryLike[] }> }

/** Returns the file's text when present and valid, null when absent; throws when invalid. */
export function readTopology(source: string): string | null {
  const file = path.join(source, TOPOJSON_FILE);
  if (!existsSync(file)) return null;
  const text = readFileSync(file, 'utf8');
  let parsed: TopologyLike;
  try {
    parsed = JSON.parse(text) as TopologyLike;
  } catch (e) {
    throw new IngestError('topojson_invalid', `${file}: not valid JSON (${e instanceof Error ? e.message : String(e)})`, file);
  }
  if (parsed.type !== 'Topology' || typeof parsed.objects !== 'object' || parsed.objects === null) {
    throw new IngestError('topojson_invalid', `${file}: not a TopoJSON Topology (needs "type": "Topology" and "objects")`, file);
  }
  for (const [name, object] of Object.entries(parsed.objects)) {
    const missing = (object.geometries ?? []).findIndex((g) => typeof (g.id ?? g.properties?.code) !== 'string');
    if (missing >= 0) {
      throw new IngestError('topojson_invalid', `${file}: objects.${name}.geometries[${missing}] has no township code (id or properties.code)`, file);
    }
  }
  return text;
}
