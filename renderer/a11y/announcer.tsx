import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

type Announce = (text: string) => void;

const AnnounceContext = createContext<Announce>(() => undefined);

/**
 * One polite live region for the whole app: review changes, paging and gain are read out once each. The
 * text alternates between two nodes so the same words said twice are still announced.
 */
export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [said, setSaid] = useState<{ text: string; n: number }>({ text: '', n: 0 });
  const announce = useCallback<Announce>((text) => setSaid((s) => ({ text, n: s.n + 1 })), []);
  const value = useMemo(() => announce, [announce]);
  return (
    <AnnounceContext.Provider value={value}>
      {children}
      <div className="sr-only" role="status" aria-live="polite" aria-atomic="true" data-testid="announcer">
        {said.n % 2 === 0 ? said.text : ''}
      </div>
      <div className="sr-only" role="status" aria-live="polite" aria-atomic="true" data-testid="announcer-alt">
        {said.n % 2 === 1 ? said.text : ''}
      </div>
    </AnnounceContext.Provider>
  );
}

export function useAnnounce(): Announce {
  return useContext(AnnounceContext);
}
