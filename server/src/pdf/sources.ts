import type { Lang } from './strings.js';

/** A document as a numbered reference on a printed page. */
export interface NumberedSource {
  n: number;
  id: string;
  title_zh: string;
  title_en: string;
  as_of_year: number | null;
}

/** Numbers documents in the order they are first cited on a page, so markers and the list agree. */
export class SourceList {
  private readonly byId = new Map<string, NumberedSource>();

  /** The number of a document, assigning the next one on first use. */
  ref(doc: { document_id: string; document_title_zh: string; document_title_en: string; as_of_year: number | null }): number {
    let s = this.byId.get(doc.document_id);
    if (!s) {
      s = { n: this.byId.size + 1, id: doc.document_id, title_zh: doc.document_title_zh, title_en: doc.document_title_en, as_of_year: doc.as_of_year };
      this.byId.set(doc.document_id, s);
    }
    return s.n;
  }

  /** Every numbered document, in number order. */
  all(): NumberedSource[] {
    return [...this.byId.values()];
  }
}

/** A reference marker: 〔n〕 in Chinese text, [n] in English. */
export const marker = (lang: Lang, ns: number[]): string => {
  const uniq = [...new Set(ns)].sort((a, b) => a - b);
  if (uniq.length === 0) return '';
  return lang === 'zh' ? `〔${uniq.join('，')}〕` : `[${uniq.join(', ')}]`;
};
