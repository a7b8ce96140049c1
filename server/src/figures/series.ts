/** The parts of a figure the series needs (atlas_figure JSON). */
export interface SeriesFigure {
  id: string;
  subject_type: string;
  subject_id: string;
  kind: string;
  metric: string;
  metric_zh: string;
  metric_en: string;
  value: number | null;
  qualifier: string;
  unit: string;
  year: number | null;
  details: { segment?: string } & Record<string, unknown>;
  superseded_by: string | null;
  citation: { document_id: string };
}

/** One point of a series: a current figure, with the document it comes from. */
export interface SeriesPoint {
  year: number;
  value: number;
  qualifier: string;
  figure_id: string;
  document_id: string;
}

/** Progress from the latest actual before a target toward it: derived, never quoted. */
export interface TargetProgress {
  derived: true;
  from_year: number;
  from_value: number;
  from_figure_id: string;
  /** actual ÷ target. */
  share_of_target: number;
  /** The annual growth still needed from the latest actual to reach the target (fraction per year). */
  required_annual_growth: number | null;
  /** The annual growth between the first and the latest actual, when there are two (fraction per year). */
  observed_annual_growth: number | null;
  /** observed ≥ required, when both are known. */
  on_track: boolean | null;
}

/** Actuals (2024 → 2025 → …) and targets of one subject, metric, segment and unit, supersession resolved. */
export interface FigureSeries {
  subject_type: string;
  subject_id: string;
  metric: string;
  segment: string | null;
  unit: string;
  metric_zh: string;
  metric_en: string;
  actuals: SeriesPoint[];
  targets: Array<SeriesPoint & { progress: TargetProgress | null }>;
}

const round = (x: number, d = 4) => Math.round(x * 10 ** d) / 10 ** d;
const cagr = (from: number, to: number, years: number) => (from > 0 && to > 0 && years > 0 ? round(Math.pow(to / from, 1 / years) - 1) : null);

/**
 * Builds the series of the given figures: only current figures (superseded_by null) with a year and a
 * value count; actuals and baselines are the measured line, targets the goals, each target with the
 * progress the latest earlier actual makes toward it.
 */
export function buildSeries(figures: SeriesFigure[]): FigureSeries[] {
  const groups = new Map<string, FigureSeries>();
  for (const f of figures) {
    if (f.superseded_by || f.year === null || f.value === null || f.unit === '%') continue;
    const segment = f.details?.segment ?? null;
    const key = JSON.stringify([f.subject_type, f.subject_id, f.metric, segment, f.unit]);
    let g = groups.get(key);
    if (!g) {
      g = { subject_type: f.subject_type, subject_id: f.subject_id, metric: f.metric, segment, unit: f.unit, metric_zh: f.metric_zh, metric_en: f.metric_en, actuals: [], targets: [] };
      groups.set(key, g);
    }
    const point: SeriesPoint = { year: f.year, value: f.value, qualifier: f.qualifier, figure_id: f.id, document_id: f.citation.document_id };
    if (f.kind === 'target') g.targets.push({ ...point, progress: null });
    else if (!g.actuals.some((a) => a.year === f.year)) g.actuals.push(point);
  }
  for (const g of groups.values()) {
    g.actuals.sort((a, b) => a.year - b.year);
    g.targets.sort((a, b) => a.year - b.year);
    const first = g.actuals[0];
    for (const t of g.targets) {
      const before = g.actuals.filter((a) => a.year < t.year);
      const last = before[before.length - 1];
      if (!last) continue;
      const required = cagr(last.value, t.value, t.year - last.year);
      const observed = first && first.year < last.year ? cagr(first.value, last.value, last.year - first.year) : null;
      t.progress = {
        derived: true, from_year: last.year, from_value: last.value, from_figure_id: last.figure_id,
        share_of_target: round(last.value / t.value), required_annual_growth: required, observed_annual_growth: observed,
        on_track: required !== null && observed !== null ? observed >= required : null,
      };
    }
  }
  return [...groups.values()];
}
