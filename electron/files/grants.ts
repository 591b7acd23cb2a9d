import type { GrantedFile } from '../ipc/channels';

/**
 * Files each window may read, by token. A window gets a token only for a file the user chose (dialog, drop,
 * recent list, command line or "Open with"), so a renderer can never name a path of its own to read.
 */

interface Grant {
  path: string;
  size: number;
}

export class FileGrants {
  private readonly byWindow = new Map<number, Map<string, Grant>>();

  constructor(private readonly newToken: () => string) {}

  grant(windowId: number, file: { path: string; name: string; size: number }): GrantedFile {
    let table = this.byWindow.get(windowId);
    if (!table) {
      table = new Map();
      this.byWindow.set(windowId, table);
    }
    const token = this.newToken();
    table.set(token, { path: file.path, size: file.size });
    return { token, name: file.name, size: file.size, key: file.path };
  }

  lookup(windowId: number, token: string): Grant | null {
    return this.byWindow.get(windowId)?.get(token) ?? null;
  }

  /** Sidecars are keyed by recording path; a window may only touch the sidecar of a file it was granted. */
  hasPath(windowId: number, path: string): boolean {
    const table = this.byWindow.get(windowId);
    if (!table) return false;
    for (const grant of table.values()) if (grant.path === path) return true;
    return false;
  }

  forgetWindow(windowId: number): void {
    this.byWindow.delete(windowId);
  }
}
