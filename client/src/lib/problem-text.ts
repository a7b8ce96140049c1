import type { FigureProblem } from '@contract/api';
import { ApiError } from './api';
import type { Strings } from './i18n';

/** A refused write in the UI's words: the 422's reason when the server gave one, and its detail. */
export function problemText(e: unknown, d2: Strings['documents2']): string {
  if (!(e instanceof ApiError)) return e instanceof Error ? e.message : String(e);
  const p = (e.problem ?? {}) as Partial<FigureProblem>;
  const reason = p.reason ? d2.reasons[p.reason] ?? p.reason : null;
  return `${d2.refusedBecause}${reason ? `${reason} — ` : ''}${p.detail ?? e.message}`;
}

