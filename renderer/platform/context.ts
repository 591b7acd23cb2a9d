import { createContext, useContext } from 'react';
import type { PlatformApi } from '../../core/platform/api';

const PlatformContext = createContext<PlatformApi | null>(null);

export const PlatformProvider = PlatformContext.Provider;

export function usePlatform(): PlatformApi {
  const p = useContext(PlatformContext);
  if (!p) throw new Error('usePlatform outside PlatformProvider');
  return p;
}
