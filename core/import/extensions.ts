/** File name endings the app opens as recordings (dialogs, drops, the browser's file input). */
export const RECORDING_EXTENSIONS: readonly string[] = ['.csv', '.tsv', '.txt', '.dat', '.edf', '.bdf'];
