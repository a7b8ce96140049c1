import { badRequest } from '../http/problem.js';
import type { PdfRepository } from './pdf.repository.js';
import { parkLink, renderParkBrief } from './park-brief.js';
import { renderBriefing, renderPrint, unknownLayers, type PrintRequest } from './print.js';
import type { Lang } from './strings.js';

/** Printed maps: park briefs, prints of a view, briefing exports. Every PDF is built from the database at request time. */
export class PdfService {
  constructor(private readonly repo: PdfRepository, private readonly now: () => Date = () => new Date()) {}

  /** The one-page A4 brief of a park, with a QR code to `${appBase}/?sel=<id>&lang=<lang>`; null if no such park. */
  async parkBrief(id: string, lang: Lang, appBase: string): Promise<Buffer | null> {
    const park = await this.repo.parkBrief(id);
    if (!park) return null;
    return renderParkBrief(this.repo, park, lang, parkLink(appBase, id, lang), this.now());
  }

  /** A print of a view; throws 400 if the state names a layer that does not exist. */
  async print(req: PrintRequest): Promise<Buffer> {
    const layers = await this.repo.layers();
    const unknown = unknownLayers(req.state, layers);
    if (unknown.length) throw badRequest(`state.layers names unknown layer(s): ${unknown.join(', ')}.`);
    return renderPrint(this.repo, req, layers, this.now());
  }

  /** A briefing as slides (title slide + one page per step); null if no such briefing. */
  async briefing(id: string, lang: Lang | null): Promise<Buffer | null> {
    const b = await this.repo.briefing(id);
    if (!b) return null;
    return renderBriefing(this.repo, b, await this.repo.layers(), lang, this.now());
  }
}
