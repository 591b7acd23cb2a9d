import { useEffect, useRef, useState } from 'react';
import type { OpenedFile } from '../../core/platform/api';
import { usePlatform } from '../platform/context';
import { findSample, openSample, SAMPLES } from '../samples';

/**
 * Files that arrive without the Open dialog: `?sample=NAME` in the address (links, demos and the browser tests
 * use it), files the host hands over (command line, Open with, the menu), and files dropped on the window. Returns
 * whether a file is being dragged over the window, and the handlers the window's root element takes.
 */
export function useOpenRequests(open: (file: OpenedFile) => unknown, notify: (message: string) => void) {
  const platform = usePlatform();
  const [dragging, setDragging] = useState(false);

  const sampleOpened = useRef(false);
  useEffect(() => {
    if (sampleOpened.current) return;
    sampleOpened.current = true;
    const name = new URLSearchParams(window.location.search).get('sample');
    if (!name) return;
    const s = findSample(name);
    if (s) openSample(s).then((f) => open(f), (e: unknown) => notify(String(e)));
    else notify(`There is no sample called "${name}". Samples: ${SAMPLES.map((x) => x.name).join(', ') || 'none'}.`);
  }, [open, notify]);

  useEffect(
    () =>
      platform.onOpenFile?.(
        (f: OpenedFile) => void open(f),
        (message) => notify(message),
      ),
    [platform, open, notify],
  );

  const dropHandlers = {
    onDragOver: (e: React.DragEvent) => {
      if (e.dataTransfer.types.includes('Files')) {
        e.preventDefault();
        setDragging(true);
      }
    },
    onDragLeave: (e: React.DragEvent) => e.relatedTarget === null && setDragging(false),
    onDrop: (e: React.DragEvent) => {
      e.preventDefault();
      setDragging(false);
      const file = e.dataTransfer.files[0];
      // The desktop preload has taken the drop already (platform.openDropped is absent there).
      if (file && platform.openDropped) platform.openDropped(file).then((f) => open(f), (err: unknown) => notify(String(err)));
    },
  };
  return { dragging, dropHandlers };
}
