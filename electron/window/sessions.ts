import * as fs from 'node:fs/promises';
import { protocol, session } from 'electron';
import { REPORT_ORIGIN, type ReportPages } from '../report/print-pdf';
import { APP_SCHEME, appProtocolResponse } from './app-protocol';
import { guardSession } from './guards';
import { PRINT_PARTITION } from './options';

/**
 * Where pages come from: the app's own scheme serves the renderer folder to app windows, and the print window's
 * session serves only its report page. Both sessions refuse every permission request.
 */
export function servePages(rendererRoot: string, reportPages: ReportPages): void {
  guardSession(session.defaultSession);
  const printSession = session.fromPartition(PRINT_PARTITION);
  guardSession(printSession);
  // The print window can load its report page and inline data, nothing else; the report's CSP says the same.
  printSession.protocol.handle(APP_SCHEME, (request) => reportPages.respond(request.url));
  printSession.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !(details.url.startsWith(`${REPORT_ORIGIN}/`) || details.url.startsWith('data:')) });
  });
  protocol.handle(APP_SCHEME, (request) => appProtocolResponse(request.url, { rootDir: rendererRoot, readFile: fs.readFile }));
}
