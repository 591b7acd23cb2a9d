import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createPlatformApi } from './preload/api';

// Only this object crosses into the page: no ipcRenderer, no generic invoke, no Node.
contextBridge.exposeInMainWorld('twitchscope', createPlatformApi(ipcRenderer, webUtils));
