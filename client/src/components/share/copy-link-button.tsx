import { useEffect, useRef, useState } from 'react';
import { flushUrlState } from '../../hooks/use-url-state';
import { useI18n } from '../../hooks/use-i18n';
import '../explorer/explorer.css';

type CopyState = 'idle' | 'copied' | 'manual';

/** Copies text with the async clipboard API, else with a hidden textarea and execCommand; false if both fail. */
async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Permission denied or not focused: try the old way.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  let ok: boolean;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}

/** “复制链接 / Copy link”: puts the URL of the current view on the clipboard; shows it to copy by hand if that fails. */
export function CopyLinkButton() {
  const { t } = useI18n();
  const [state, setState] = useState<CopyState>('idle');
  const [url, setUrl] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (state === 'manual') inputRef.current?.select();
    if (state !== 'copied') return;
    const timer = setTimeout(() => setState('idle'), 2500);
    return () => clearTimeout(timer);
  }, [state]);

  const onClick = async () => {
    flushUrlState();
    const href = window.location.href;
    setUrl(href);
    setState((await copyText(href)) ? 'copied' : 'manual');
  };

  return (
    <div className="copy-link">
      <button type="button" className="icon-button copy-link-button" onClick={() => void onClick()} title={t.inv.copyLink}>
        <svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round">
          <path d="M6.5 9.5 L9.5 6.5 M7 4.5 L8.6 2.9 a2.5 2.5 0 0 1 3.5 3.5 L10.5 8 M5.5 8 L3.9 9.6 a2.5 2.5 0 0 0 3.5 3.5 L9 11.5" />
        </svg>
        <span className="copy-link-label">{t.inv.copyLink}</span>
      </button>
      <span className="visually-hidden" role="status" aria-live="polite">{state === 'copied' ? t.inv.copied : ''}</span>
      {state === 'copied' && <span className="copy-toast" aria-hidden="true">{t.inv.copied}</span>}
      {state === 'manual' && (
        <div className="copy-manual" role="dialog" aria-label={t.inv.copyLink}>
          <label>
            <span>{t.inv.copyManual}</span>
            <input ref={inputRef} readOnly value={url} onFocus={(e) => e.target.select()} />
          </label>
          <button type="button" className="link-button" onClick={() => setState('idle')}>{t.close}</button>
        </div>
      )}
    </div>
  );
}
