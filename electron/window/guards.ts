import type { Session, WebContents } from 'electron';

/**
 * Everything a page might try beyond its own origin is refused here: navigation, new windows, webviews and
 * permission prompts. Links to a few known help sites open in the user's browser instead.
 */

/** Sites the app itself links to (help and health information); anything else stays unopened. */
export const EXTERNAL_ALLOW_LIST: readonly string[] = ['medlineplus.gov', 'www.nhs.uk', 'www.ninds.nih.gov'];

export function isAllowedExternalUrl(url: string, allowList: readonly string[] = EXTERNAL_ALLOW_LIST): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === 'https:' &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.port === '' &&
    allowList.includes(parsed.hostname)
  );
}

/** The app needs no camera, microphone, notifications, geolocation, MIDI, HID, USB, serial or clipboard reads. */
export function guardSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/** The app is one page: it never navigates, never embeds a webview, and opens no windows of its own. */
export function guardWebContents(contents: WebContents, openExternal: (url: string) => void): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) openExternal(url);
    return { action: 'deny' };
  });
}
