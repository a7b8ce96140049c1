import { useEffect, useRef, type ReactNode } from 'react';
import { useI18n } from '../../hooks/use-i18n';

/** A side sheet for a staff tool, over the feature panel's place: title, close button, scrolling body. */
export function StaffSheet({ title, kind, onClose, children }: { title: string; kind: string; onClose: () => void; children: ReactNode }) {
  const { t } = useI18n();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus({ preventScroll: true });
  }, [kind]);
  return (
    <aside className="staff-sheet" aria-labelledby="staff-sheet-title" data-tool={kind}>
      <header className="staff-sheet-header">
        <h2 id="staff-sheet-title" ref={headingRef} tabIndex={-1}>{title}</h2>
        <button type="button" className="icon-button close-button" onClick={onClose} title={t.close}>
          <span className="visually-hidden">{t.close}</span>
          <svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16">
            <path d="M3.5 3.5 L12.5 12.5 M12.5 3.5 L3.5 12.5" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
          </svg>
        </button>
      </header>
      <div className="staff-sheet-body">{children}</div>
    </aside>
  );
}
