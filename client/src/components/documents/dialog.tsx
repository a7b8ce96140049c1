import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';

/** Props of a modal dialog; it is open while mounted. */
export interface DialogProps {
  onClose: () => void;
  /** Id of the element that names the dialog (its heading). */
  labelledBy: string;
  className?: string;
  /** Focused on open; the first focusable element otherwise. */
  initialFocus?: RefObject<HTMLElement | null>;
  /**
   * On a phone, a bottom sheet over the map instead of a modal: opened with show(), so the map above it
   * stays visible and pannable (the document viewer and the chain graph, read beside the map).
   */
  sheetOnPhone?: boolean;
  children: ReactNode;
}

/** Matches the phone breakpoint of the styles (styles/phone.css). */
const PHONE_QUERY = '(max-width: 760px)';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"]), details > summary';

/**
 * A native modal <dialog>: the top layer keeps stacked dialogs in opening order and makes the page
 * behind inert. On top of that, Tab wraps inside, Esc closes without reaching the app's own Esc
 * handler (which would close the feature panel), and focus goes back to the opener on close.
 */
export function Dialog({ onClose, labelledBy, className, initialFocus, sheetOnPhone = false, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  // Children mount only once the dialog is open: a closed <dialog> is display:none, and children that
  // measure or scroll in their first layout effect (the document viewer) would measure nothing.
  const [shown, setShown] = useState(false);
  const [sheet] = useState(() => sheetOnPhone && window.matchMedia(PHONE_QUERY).matches);

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const active = document.activeElement;
    const opener = active instanceof HTMLElement && active !== document.body ? active : null;
    if (!dialog.open) {
      if (sheet) dialog.show();
      else dialog.showModal();
    }
    setShown(true);
    return () => {
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus({ preventScroll: true });
    };
    // Opened once per mount: the parent unmounts the dialog to close it.
  }, []);

  useEffect(() => {
    if (!shown || !ref.current) return;
    (initialFocus?.current ?? ref.current.querySelector<HTMLElement>(FOCUSABLE))?.focus({ preventScroll: true });
    // Focus once, when the content first appears.
  }, [shown]);

  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onCloseRef.current();
      return;
    }
    if (e.key !== 'Tab' || !ref.current) return;
    const items = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null || el === document.activeElement);
    if (items.length === 0) return;
    const first = items[0];
    const last = items[items.length - 1];
    const active = document.activeElement;
    // The focused element may be outside the list (a heading with tabindex=-1): compare document order.
    const before = (a: Element | null, b: Element) => !!a && a !== b && !!(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
    if (e.shiftKey && (active === first || !ref.current.contains(active) || before(active, first))) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && (active === last || (active !== null && before(last, active)))) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog
      ref={ref}
      className={`atlas-dialog${sheet ? ' is-sheet' : ''}${className ? ` ${className}` : ''}`}
      aria-labelledby={labelledBy}
      onKeyDown={onKeyDown}
      // Other close requests (e.g. a platform back gesture) go through the parent's state too.
      onCancel={(e) => {
        e.preventDefault();
        onCloseRef.current();
      }}
      // A click on the backdrop lands on the <dialog> itself; the content fills the box.
      onClick={(e) => {
        if (e.target === e.currentTarget) onCloseRef.current();
      }}
    >
      {shown && children}
    </dialog>
  );
}
