import type { Analysis } from '../core/analysis/types';
import type { Recording } from '../core/recording';
import { applyReview } from '../core/review/apply';
import { readEventsFile } from '../core/review/events-in';
import { restoreEvents } from '../core/review/restore-events';
import { UsageError } from './args';
import { fileSource } from './node-source';

/**
 * `--events-in FILE`: the review saved in an events CSV or EDF+ export, laid onto this analysis. Sites given
 * with --site win over the file's. A file from other content is refused (exit 2).
 */
export async function reviewFromFile(file: string, rec: Recording, analysis: Analysis, sites: Record<string, string>): Promise<{ analysis: Analysis; message: string }> {
  let source;
  try {
    source = await fileSource(file);
  } catch (e) {
    throw new UsageError(`--events-in ${file}: cannot open it (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    const restored = restoreEvents(await readEventsFile(source), rec, analysis);
    if (!restored.ok) throw new UsageError(`--events-in ${source.name}: ${restored.reason}`);
    const reviewed = applyReview(analysis, restored.edits, { ...restored.sites, ...sites });
    const missed = restored.unmatched > 0 ? `; ${restored.unmatched} reviewed event${restored.unmatched === 1 ? ' was' : 's were'} not found by this analysis (another sensitivity?)` : '';
    return { analysis: reviewed, message: `restored the review of ${restored.restored} event${restored.restored === 1 ? '' : 's'} from ${source.name}${missed}` };
  } finally {
    await source.close();
  }
}
