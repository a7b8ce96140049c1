import { useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../hooks/use-i18n';
import { fetchChains, queryKeys } from '../../lib/api';
import { pick } from '../../lib/i18n';
import { DerivedGrowthList } from '../checks/derived-growth';
import { Dialog } from '../documents/dialog';
import { FigureItem } from '../feature/feature-panel';
import { ChainGraphButton } from './chain-graph-button';

/** An industry chain's card: name, focus, its 2024/2027/2030 figures each with its source, and derived growth. */
export function ChainCard({ chainId, onClose }: { chainId: string; onClose: () => void }) {
  const { lang, t } = useI18n();
  const chains = useQuery({ queryKey: queryKeys.chains, queryFn: ({ signal }) => fetchChains(signal), staleTime: Infinity });
  const chain = chains.data?.find((c) => c.id === chainId);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const figures = [...(chain?.figures ?? [])].sort((a, b) => (a.year ?? 0) - (b.year ?? 0));
  const name = chain ? pick(lang, chain.name_zh, chain.name_en) : chainId;
  const other = chain ? (lang === 'zh' ? chain.name_en : chain.name_zh) : '';

  return (
    <Dialog onClose={onClose} labelledBy="chain-card-title" className="chain-card" initialFocus={headingRef}>
      <div className="dialog-frame" data-chain-id={chainId}>
        <header className="dialog-header">
          <div className="dialog-titles">
            <p className="dialog-kicker">{t.chainCard}{chain ? ` · ${pick(lang, chain.group_zh, chain.group_en)}` : ''}</p>
            <h2 id="chain-card-title" ref={headingRef} tabIndex={-1}>{name}</h2>
            {other && other !== name && <p className="dialog-secondary" lang={lang === 'zh' ? 'en' : 'zh-CN'}>{other}</p>}
          </div>
          <button type="button" className="icon-button close-button" onClick={onClose} title={`${t.close} (Esc)`}>
            <span className="visually-hidden">{t.close}</span>
            <svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16">
              <path d="M3.5 3.5 L12.5 12.5 M12.5 3.5 L3.5 12.5" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
            </svg>
          </button>
        </header>
        <div className="dialog-scroll">
          {chains.isPending && <p className="muted" aria-live="polite">{t.loading}</p>}
          {chains.error && <p className="layer-error" role="alert">{t.loadFailed}: {chains.error.message}</p>}
          {chain && (
            <>
              <p className="chain-graph-link">
                <ChainGraphButton chainId={chain.id} name={name} long className="button button-quiet" />
              </p>
              {(chain.focus_zh || chain.focus_en) && (
                <dl className="chain-focus"><dt>{t.chainFocus}</dt><dd>{pick(lang, chain.focus_zh, chain.focus_en)}</dd></dl>
              )}
              <section className="feature-section">
                <h3>{t.chainFigures}</h3>
                {figures.length === 0 ? (
                  <p className="muted">{t.noFigures}</p>
                ) : (
                  <ul className="figure-list">
                    {figures.map((f) => <FigureItem key={f.id} figure={f} />)}
                  </ul>
                )}
              </section>
              <DerivedGrowthList subject={chain.id} />
            </>
          )}
        </div>
      </div>
    </Dialog>
  );
}
