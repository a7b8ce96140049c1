import { useId, useMemo } from 'react';
import type { Accuracy, AtlasFeature, LayerInfo } from '@contract/api';
import { useI18n } from '../../hooks/use-i18n';
import type { IndexedFeature } from '../../lib/atlas-data';
import { pick } from '../../lib/i18n';

/** The attributes an editor changes: names, accuracy, parent and, for sites, status. */
export interface AttributeValues {
  name_zh: string;
  name_en: string;
  accuracy: Accuracy;
  parent_id: string | null;
  /** Only for the sites layer; null elsewhere. */
  status: string | null;
}

const ACCURACIES: Accuracy[] = ['surveyed', 'digitised', 'schematic'];
/** Themes whose polygons can contain other features. */
const PARENT_THEMES = new Set(['administrative', 'parks', 'zones', 'structure']);
/** Site statuses known to the data (more are kept if a feature has one). */
const SITE_STATUSES = ['available', 'reserved', 'planned'];

/** True for the layer whose features carry a land status. */
export function hasStatus(layer: LayerInfo | undefined): boolean {
  return layer?.id === 'sites' || layer?.theme === 'sites';
}

/** A feature's current attribute values as the form edits them. */
export function attributeValues(feature: AtlasFeature, layer: LayerInfo | undefined): AttributeValues {
  const p = feature.properties;
  return {
    name_zh: p.name_zh,
    name_en: p.name_en,
    accuracy: p.accuracy,
    parent_id: p.parent_id,
    status: hasStatus(layer) ? (typeof p.status === 'string' ? p.status : '') : null,
  };
}

/** The form fields for a feature's attributes (no <form>: the caller owns submit). */
export function AttributeForm({
  values,
  onChange,
  layer,
  selfId,
  index,
  disabled,
}: {
  values: AttributeValues;
  onChange: (next: AttributeValues) => void;
  layer: LayerInfo | undefined;
  /** The feature itself, left out of the parent choices. */
  selfId: string | null;
  index: Map<string, IndexedFeature>;
  disabled?: boolean;
}) {
  const { lang, t } = useI18n();
  const id = useId();
  const parents = useMemo(() => {
    const out = [...index.values()]
      .filter(({ layer: l, feature }) => PARENT_THEMES.has(l.theme) && l.geometry_type === 'polygon' && String(feature.id) !== selfId)
      .sort((a, b) => a.layer.sort - b.layer.sort || String(a.feature.id).localeCompare(String(b.feature.id)));
    return out;
  }, [index, selfId]);
  const statuses = useMemo(() => {
    const s = new Set(SITE_STATUSES);
    for (const { layer: l, feature } of index.values()) if (hasStatus(l) && typeof feature.properties.status === 'string') s.add(feature.properties.status);
    if (values.status) s.add(values.status);
    return [...s];
  }, [index, values.status]);
  const set = <K extends keyof AttributeValues>(key: K, value: AttributeValues[K]) => onChange({ ...values, [key]: value });
  const parentKnown = values.parent_id === null || parents.some((p) => String(p.feature.id) === values.parent_id);

  return (
    <fieldset className="attribute-form" disabled={disabled}>
      <label htmlFor={`${id}-zh`}>{t.staff.nameZh}</label>
      <input id={`${id}-zh`} name="name_zh" lang="zh-CN" required maxLength={200} value={values.name_zh} onChange={(e) => set('name_zh', e.target.value)} />
      <label htmlFor={`${id}-en`}>{t.staff.nameEn}</label>
      <input id={`${id}-en`} name="name_en" lang="en" required maxLength={200} value={values.name_en} onChange={(e) => set('name_en', e.target.value)} />
      <label htmlFor={`${id}-acc`}>{t.staff.accuracyLabel}</label>
      <select id={`${id}-acc`} name="accuracy" value={values.accuracy} onChange={(e) => set('accuracy', e.target.value as Accuracy)}>
        {ACCURACIES.map((a) => (
          <option key={a} value={a}>{t.accuracy[a]}</option>
        ))}
      </select>
      {values.status !== null && (
        <>
          <label htmlFor={`${id}-status`}>{t.staff.statusLabel}</label>
          <select id={`${id}-status`} name="status" value={values.status} onChange={(e) => set('status', e.target.value)}>
            {values.status === '' && <option value="">—</option>}
            {statuses.map((s) => (
              <option key={s} value={s}>{t.staff.siteStatus[s] ? `${t.staff.siteStatus[s]} (${s})` : s}</option>
            ))}
          </select>
        </>
      )}
      <label htmlFor={`${id}-parent`}>{t.staff.parentLabel}</label>
      <select id={`${id}-parent`} name="parent_id" value={values.parent_id ?? ''} onChange={(e) => set('parent_id', e.target.value === '' ? null : e.target.value)}>
        <option value="">{t.staff.noParent}</option>
        {!parentKnown && <option value={values.parent_id!}>{values.parent_id}</option>}
        {parents.map(({ layer: l, feature }) => (
          <option key={String(feature.id)} value={String(feature.id)}>
            {pick(lang, feature.properties.name_zh, feature.properties.name_en)} · {pick(lang, l.title_zh, l.title_en)}
          </option>
        ))}
      </select>
      {layer && <p className="staff-note">{t.staff.layerLabel}: {pick(lang, layer.title_zh, layer.title_en)}</p>}
    </fieldset>
  );
}
