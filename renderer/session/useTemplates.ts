import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { mergeTemplates, parseTemplates, serializeTemplates, upsertTemplate, type ImportTemplate } from '../../core/import/templates';
import { usePlatform } from '../platform/context';

export interface TemplatesApi {
  list: ImportTemplate[];
  /** The list as stored now (read once at start; later changes are kept in memory and written through). */
  current(): Promise<ImportTemplate[]>;
  save(t: ImportTemplate): Promise<ImportTemplate>;
  rename(id: string, name: string): Promise<void>;
  remove(id: string): Promise<void>;
  /** Adds the templates of an exported file; throws an ImportError naming a wrong field. */
  importText(text: string, fileName: string): Promise<number>;
  exportText(): string;
}

/** The user's import templates: read from the host once, every change written back whole. */
export function useTemplates(onProblem: (message: string) => void): TemplatesApi {
  const platform = usePlatform();
  const [list, setList] = useState<ImportTemplate[]>([]);
  const ref = useRef<Promise<ImportTemplate[]> | null>(null);

  const current = useCallback((): Promise<ImportTemplate[]> => {
    ref.current ??= platform
      .loadTemplates()
      .then((text) => (text ? parseTemplates(text, 'templates') : []))
      .catch((e: unknown) => {
        // Unreadable templates are not fatal: files open without them, and the message says why.
        onProblem(`Your import templates could not be read (${e instanceof Error ? e.message : String(e)}); files open without them.`);
        return [];
      });
    return ref.current;
  }, [platform, onProblem]);

  useEffect(() => {
    void current().then(setList);
  }, [current]);

  const write = useCallback(
    async (next: ImportTemplate[]) => {
      ref.current = Promise.resolve(next);
      setList(next);
      await platform.saveTemplates(serializeTemplates(next));
    },
    [platform],
  );

  return useMemo<TemplatesApi>(
    () => ({
      list,
      current,
      save: async (t) => {
        const next = upsertTemplate(await current(), t);
        await write(next);
        return next.find((x) => x.signature === t.signature && x.updatedAt === t.updatedAt) ?? t;
      },
      rename: async (id, name) => write((await current()).map((t) => (t.id === id ? { ...t, name, updatedAt: new Date().toISOString() } : t))),
      remove: async (id) => write((await current()).filter((t) => t.id !== id)),
      importText: async (text, fileName) => {
        const incoming = parseTemplates(text, fileName);
        await write(mergeTemplates(await current(), incoming));
        return incoming.length;
      },
      exportText: () => serializeTemplates(list),
    }),
    [list, current, write],
  );
}
