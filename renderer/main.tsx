import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'uplot/dist/uPlot.min.css';
import './styles/app.css';
import { AnnouncerProvider } from './a11y/announcer';
import { App } from './App';
import { browserPlatform } from './platform/browser';
import { PlatformProvider } from './platform/context';
import type { PlatformApi } from '../core/platform/api';

declare global {
  interface Window {
    twitchscope?: PlatformApi;
  }
}

// The one place the host is chosen: Electron's preload exposes `window.twitchscope`, a plain browser does not.
const platform = window.twitchscope ?? browserPlatform;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PlatformProvider value={platform}>
      <AnnouncerProvider>
        <App />
      </AnnouncerProvider>
    </PlatformProvider>
  </StrictMode>,
);
