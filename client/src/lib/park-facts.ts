import type { AtlasFeature, AtlasFeatureCollection, FeatureDetail } from '@contract/api';

/** Site statuses an investor can still get: available now, or planned. */
export const OPEN_SITE_STATUSES = ['available', 'planned'] as const;

/** What the investor views know about one park, gathered from the layers and its feature detail. */
export interface ParkFacts {
  id: string;
  feature: AtlasFeature;
  name_zh: string;
  name_en: string;
  /** “park” or “subdistrict” (口岸街道). */
  kind: string;
  /** Area computed by PostGIS on the park's (schematic) polygon. */
  area_km2: number | null;
  parentId: string | null;
  /** Undefined until GET /api/features/:id has answered. */
  detail: FeatureDetail | undefined;
  /** Chains the documents name as this park's focus. */
  focusChains: string[];
  /** Chains whose leading enterprise the documents place here. */
  leaderChains: string[];
  zones: AtlasFeature[];
  /** Nodes of kind "enterprise" in the park or one of its zones. */
  enterprises: AtlasFeature[];
  /** Other nodes (ports, venues, stations) in the park or its zones. */
  otherNodes: AtlasFeature[];
  sites: AtlasFeature[];
  /** Sites whose status is available or planned. */
  openSites: AtlasFeature[];
}

function ofPark(features: AtlasFeature[] | undefined, parkIds: Set<string>): AtlasFeature[] {
  return (features ?? []).filter((f) => f.properties.parent_id !== null && parkIds.has(f.properties.parent_id));
}

/** Builds the facts of every feature of the parks layer, in the layer's order. */
export function buildParkFacts(byId: Record<string, AtlasFeatureCollection>, details: Map<string, FeatureDetail>): ParkFacts[] {
  const parks = byId.parks?.features ?? [];
  return parks.map((feature) => {
    const id = String(feature.id);
    const p = feature.properties;
    const zones = ofPark(byId.zones?.features, new Set([id]));
    // A node or site may sit in one of the park's zones rather than the park itself.
    const inPark = new Set([id, ...zones.map((z) => String(z.id))]);
    const nodes = ofPark(byId.nodes?.features, inPark);
    const sites = ofPark(byId.sites?.features, inPark);
    const detail = details.get(id);
    const chains = detail?.chains ?? [];
    return {
      id,
      feature,
      name_zh: p.name_zh,
      name_en: p.name_en,
      kind: typeof p.park_kind === 'string' ? p.park_kind : 'park',
      area_km2: typeof p.area_km2 === 'number' ? p.area_km2 : null,
      parentId: p.parent_id,
      detail,
      focusChains: [...new Set(chains.filter((c) => c.role === 'focus').map((c) => c.id))],
      leaderChains: [...new Set(chains.filter((c) => c.role === 'leader').map((c) => c.id))],
      zones,
      enterprises: nodes.filter((n) => n.properties.kind === 'enterprise'),
      otherNodes: nodes.filter((n) => n.properties.kind !== 'enterprise'),
      sites,
      openSites: sites.filter((s) => (OPEN_SITE_STATUSES as readonly unknown[]).includes(s.properties.status)),
    };
  });
}

/** Chain ids of a node (enterprise) feature. */
export function nodeChains(f: AtlasFeature): string[] {
  const c = f.properties.chains;
  return Array.isArray(c) ? c.map(String) : [];
}
