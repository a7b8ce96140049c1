import { useId, useState, type KeyboardEvent } from 'react';
import type { SearchHit } from '@contract/api';
import { useI18n } from '../../hooks/use-i18n';
import { useLayers } from '../../hooks/use-layers';
import { useSearch } from '../../hooks/use-search';
import { useSources } from '../../hooks/use-sources';
import { pick } from '../../lib/i18n';

/**
 * The server labels a figure as metric + value_text + unit, and value_text sometimes already ends with
 * the unit (“8.5%%”); drop the doubled unit.
 */
function cleanLabel(label: string): string {
  return label.replace(/(%|亿元|家|个|名|位)\s*\1$/u, '$1');
}

/**
 * Search in the title bar (ARIA 1.2 combobox with a listbox popup): debounced, bilingual hits; ↑/↓
 * choose, Enter opens, Esc closes the list. A feature is selected and flown to, a chain opens its card,
 * a layer is switched on, a figure opens its sentence in the document viewer.
 */
export function SearchBox() {
  const { lang, t } = useI18n();
  const sources = useSources();
  const layers = useLayers().data;
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [announcement, setAnnouncement] = useState('');
  const { hits, settling, error } = useSearch(text);
  const ids = useId();
  const listId = `${ids}-list`;
  const hintId = `${ids}-hint`;
  const optionId = (i: number) => `${ids}-opt-${i}`;
  const showList = open && text.trim().length > 0;
  const layerTitle = (id: string | null) => {
    const l = layers?.find((x) => x.id === id);
    return l ? pick(lang, l.title_zh, l.title_en) : null;
  };

  const choose = (hit: SearchHit) => {
    setOpen(false);
    setActive(-1);
    if (!sources) return;
    if (hit.kind === 'feature') sources.selectFeature(hit.id);
    else if (hit.kind === 'chain') sources.openChain(hit.id);
    else if (hit.kind === 'figure') sources.openFigure(hit.id);
    else {
      sources.showLayer(hit.id);
      setAnnouncement(t.layerShown(pick(lang, hit.label_zh, hit.label_en)));
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!showList) {
        setOpen(true);
        return;
      }
      if (hits.length === 0) return;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i < 0 ? (step > 0 ? 0 : hits.length - 1) : (i + step + hits.length) % hits.length));
    } else if (e.key === 'Enter') {
      if (!showList || hits.length === 0) return;
      e.preventDefault();
      choose(hits[active >= 0 && active < hits.length ? active : 0]);
    } else if (e.key === 'Escape') {
      // Close the list first; a second Esc (list closed) clears the text. Either way not the feature panel.
      if (showList) {
        e.preventDefault();
        setOpen(false);
        setActive(-1);
      } else if (text) {
        e.preventDefault();
        setText('');
      }
    }
  };

  let status = '';
  if (showList) {
    if (error) status = `${t.loadFailed}: ${error.message}`;
    else if (settling && hits.length === 0) status = t.searching;
    else if (!settling && hits.length === 0) status = t.searchNoResults;
    else if (!settling) status = t.searchResultCount(hits.length);
  }

  return (
    <div className="search" role="search">
      <label className="visually-hidden" htmlFor={`${ids}-input`}>{t.search}</label>
      <svg className="search-icon" aria-hidden="true" width="16" height="16" viewBox="0 0 16 16">
        <circle cx="7" cy="7" r="4.8" fill="none" stroke="currentColor" strokeWidth="1.7" />
        <path d="M10.6 10.6 L14 14" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" />
      </svg>
      <input
        id={`${ids}-input`}
        className="search-input"
        type="search"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={showList && active >= 0 && active < hits.length ? optionId(active) : undefined}
        aria-describedby={hintId}
        autoComplete="off"
        spellCheck={false}
        placeholder={t.searchPlaceholder}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        // Clicking an option keeps focus (mousedown is prevented there), so blur means leaving the search.
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <span id={hintId} className="visually-hidden">{t.searchHint}</span>
      <div className={`search-popup${showList ? ' open' : ''}`} hidden={!showList}>
        <ul id={listId} role="listbox" aria-label={t.search} className="search-results">
          {showList &&
            hits.map((hit, i) => {
              const primary = cleanLabel(pick(lang, hit.label_zh, hit.label_en));
              const secondary = cleanLabel(lang === 'zh' ? hit.label_en : hit.label_zh);
              const where = hit.kind === 'feature' ? layerTitle(hit.layer_id) : null;
              return (
                <li
                  key={`${hit.kind}:${hit.id}`}
                  id={optionId(i)}
                  role="option"
                  aria-selected={i === active}
                  className={`search-result${i === active ? ' active' : ''}`}
                  data-kind={hit.kind}
                  data-id={hit.id}
                  onMouseDown={(e) => e.preventDefault()}
                  onMouseMove={() => setActive(i)}
                  onClick={() => choose(hit)}
                >
                  <span className={`search-kind kind-${hit.kind}`}>{t.searchKinds[hit.kind]}</span>
                  <span className="search-labels">
                    <span className="search-primary">{primary}</span>
                    {(secondary && secondary !== primary) || where ? (
                      <span className="search-secondary">
                        {where && <span>{where}</span>}
                        {where && secondary && secondary !== primary && ' · '}
                        {secondary && secondary !== primary && <span lang={lang === 'zh' ? 'en' : 'zh-CN'}>{secondary}</span>}
                      </span>
                    ) : null}
                  </span>
                </li>
              );
            })}
        </ul>
        {status && <p className="search-status">{status}</p>}
      </div>
      <span className="visually-hidden" role="status" aria-live="polite">
        {showList ? status : announcement}
      </span>
    </div>
  );
}
