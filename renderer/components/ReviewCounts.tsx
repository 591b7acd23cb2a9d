import { nothingTells } from '../../core/analysis/site-summary';
import type { Analysis } from '../../core/analysis/types';
import { SENSITIVITY_DEFAULT } from '../../core/detect/params';
import { formatDuration } from '../../core/format';

/** The totals beside the tabs, with how far review has come. */
export function ReviewCounts({ analysis, progress, sensitivity }: { analysis: Analysis; progress: { reviewed: number; total: number }; sensitivity: number | null }) {
  const twitches = analysis.summary.channels.reduce((n, c) => n + c.twitchCount, 0);
  const sustained = analysis.summary.channels.reduce((n, c) => n + c.sustainedCount, 0);
  const restS = analysis.summary.channels.reduce((m, c) => Math.max(m, c.restS), 0);
  return (
    <div className="counts">
      <span>
        Twitches{' '}
        {nothingTells(analysis.summary.channels) ? (
          <b data-testid="total-twitches" title="Every channel cannot tell: its note under Results, Data quality says why">
            cannot tell
          </b>
        ) : (
          <b data-testid="total-twitches">{twitches}</b>
        )}
      </span>
      <span>
        Sustained <b data-testid="total-sustained">{sustained}</b>
      </span>
      <span>
        Rest <b data-testid="total-rest">{formatDuration(restS)}</b>
      </span>
      <span>
        Reviewed{' '}
        <b data-testid="review-progress">
          {progress.reviewed} of {progress.total}
        </b>
      </span>
      <span>
        Sensitivity <b>{Math.round((sensitivity ?? SENSITIVITY_DEFAULT.value) * 100)} %</b>
      </span>
    </div>
  );
}
