import type { OpenedFile } from '../core/platform/api';

/** The example recordings shipped with the app, bundled as assets so both builds can open them. */
const urls = import.meta.glob('../samples/*.csv', { query: '?url', import: 'default', eager: true }) as Record<string, string>;

export interface Sample {
  /** File name without extension, as used by `?sample=NAME`. */
  name: string;
  file: string;
  url: string;
}

export const SAMPLES: Sample[] = Object.entries(urls)
  .map(([path, url]) => {
    const file = path.slice(path.lastIndexOf('/') + 1);
    return { name: file.replace(/\.csv$/i, ''), file, url };
  })
  .sort((a, b) => a.name.localeCompare(b.name));

export function findSample(name: string): Sample | undefined {
  const n = name.toLowerCase().replace(/\.csv$/, '');
  return SAMPLES.find((s) => s.name.toLowerCase() === n);
}

/** Fetches a bundled sample; XHR is the fallback for hosts whose fetch refuses the app's own scheme. */
async function fetchBytes(url: string): Promise<Uint8Array> {
  try {
    const res = await fetch(url);
    if (res.ok) return new Uint8Array(await res.arrayBuffer());
  } catch {
    // fall through to XHR
  }
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('GET', url);
    xhr.responseType = 'arraybuffer';
    xhr.onload = () => (xhr.response ? resolve(new Uint8Array(xhr.response as ArrayBuffer)) : reject(new Error(`Could not load ${url}`)));
    xhr.onerror = () => reject(new Error(`Could not load ${url}`));
    xhr.send();
  });
}

/** Keys of bundled samples: not files the host can write beside, so saving work on them may be refused. */
export const SAMPLE_KEY_PREFIX = 'sample:';

export async function openSample(s: Sample): Promise<OpenedFile> {
  const bytes = await fetchBytes(s.url);
  return {
    name: s.file,
    size: bytes.length,
    key: `${SAMPLE_KEY_PREFIX}${s.file}|${bytes.length}`,
    read: async (offset, length) => bytes.slice(offset, Math.min(bytes.length, offset + length)),
  };
}
