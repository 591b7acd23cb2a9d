import type { IpcMainInvokeEvent, WebContents } from 'electron';

/**
 * Who may talk to main: the top frame of one of our app windows, showing our own pages. An iframe, a page that
 * navigated elsewhere, the hidden PDF window or a window we did not create is refused.
 */

export interface SenderFacts {
  /** URL of the frame that sent the message; null when the frame is gone. */
  frameUrl: string | null;
  /** True when the sending frame is its page's top frame. */
  isTopFrame: boolean;
  /** Id of the BrowserWindow owning the sender's web contents, null when there is none. */
  windowId: number | null;
}

export type SenderVerdict = { ok: true; windowId: number } | { ok: false; reason: string };

export function checkSender(
  facts: SenderFacts,
  appWindowIds: ReadonlySet<number>,
  trustedOrigins: readonly string[],
): SenderVerdict {
  if (facts.windowId === null || !appWindowIds.has(facts.windowId)) return { ok: false, reason: 'not an app window' };
  if (!facts.isTopFrame) return { ok: false, reason: 'not the top frame' };
  if (facts.frameUrl === null) return { ok: false, reason: 'frame is gone' };
  const origin = originOf(facts.frameUrl);
  if (origin === null || !trustedOrigins.includes(origin)) return { ok: false, reason: 'untrusted page' };
  return { ok: true, windowId: facts.windowId };
}

/** `URL.origin` is "null" for custom schemes in Node, so build scheme://host ourselves. */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (!parsed.host) return null;
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

/** The facts `checkSender` needs, read off an invoke event; `windowIdOf` is `BrowserWindow.fromWebContents` in main. */
export function senderFacts(
  event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>,
  windowIdOf: (contents: WebContents) => number | null,
): SenderFacts {
  const frame = event.senderFrame;
  return {
    frameUrl: frame ? frame.url : null,
    isTopFrame: frame !== null && frame.parent === null,
    windowId: windowIdOf(event.sender),
  };
}
