import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createPlatformApi } from './preload/api';

// Only this object crosses into the page: no ipcRenderer, no generic invoke, no Node.
// Drops are taken here, on the window as the isolated world sees it, so the page never hands main a path.
contextBridge.exposeInMainWorld('twitchscope', createPlatformApi(ipcRenderer, webUtils, window));
