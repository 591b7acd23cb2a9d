import { createContext, useContext } from 'react';
import { WorkerClient, type AnalysisClient } from './client';

/**
 * Where the session gets its analysis client: the Web Worker by default; tests and hosts without workers
 * provide `() => new InThreadClient()` instead.
 */
const ClientFactory = createContext<() => AnalysisClient>(() => new WorkerClient());

export const AnalysisClientProvider = ClientFactory.Provider;

export function useAnalysisClientFactory(): () => AnalysisClient {
  return useContext(ClientFactory);
}
