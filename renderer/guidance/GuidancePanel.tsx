import { useCallback, useMemo, useState } from 'react';
import type { Analysis } from '../../core/analysis/types';
import type { ChecklistAnswers } from '../../core/guidance/checklist';
import type { SectionId } from '../../core/guidance/content';
import type { RecordingContext } from '../../core/review/context';
import { DISCLAIMER, guidanceFor } from '../../core/guidance/index';
import { AboutTwitching } from './AboutTwitching';
import { Checklist } from './Checklist';
import { RecordingContextForm } from './RecordingContextForm';
import { GuidanceItems } from './GuidanceItems';
import './guidance.css';

export interface GuidancePanelProps {
  analysis: Analysis;
  answers: ChecklistAnswers;
  onAnswersChange(next: ChecklistAnswers): void;
  context: RecordingContext;
  onContextChange(next: RecordingContext): void;
}

/** Guidance paired with the findings: the ranked items update as the checklist is answered; the disclaimer never scrolls away. */
export function GuidancePanel({ analysis, answers, onAnswersChange, context, onContextChange }: GuidancePanelProps) {
  const items = useMemo(() => guidanceFor(analysis, answers), [analysis, answers]);
  const [openSection, setOpenSection] = useState<SectionId | null>(null);
  const showSource = useCallback((id: SectionId) => {
    setOpenSection(id);
    requestAnimationFrame(() => document.getElementById(`gp-section-${id}`)?.scrollIntoView({ block: 'nearest', behavior: 'smooth' }));
  }, []);
  return (
    <div className="guidance-panel" data-testid="guidance-panel">
      <p className="gp-disclaimer" role="note" data-testid="disclaimer">
        {DISCLAIMER}
      </p>
      <div className="gp-columns">
        <section aria-labelledby="gp-items-title">
          <h2 id="gp-items-title">What the findings and your answers suggest</h2>
          <p className="gp-sr-only" aria-live="polite" data-testid="guidance-status">
            {statusLine(items.length, items.filter((i) => i.level === 'see-clinician').length)}
          </p>
          <GuidanceItems items={items} onShowSource={showSource} />
        </section>
        <section aria-labelledby="gp-checklist-title">
          <h2 id="gp-checklist-title">Checklist</h2>
          <p className="gp-hint">Your answers stay on this computer and appear in the report. Leave out anything you prefer not to answer.</p>
          <Checklist answers={answers} onAnswersChange={onAnswersChange} />
          <RecordingContextForm context={context} onContextChange={onContextChange} />
        </section>
      </div>
      <section aria-labelledby="gp-about-title">
        <h2 id="gp-about-title">About muscle twitching</h2>
        <AboutTwitching open={openSection} onToggle={(id, open) => setOpenSection(open ? id : null)} />
      </section>
    </div>
  );
}

/** Read out when answers change, instead of re-reading every item. */
function statusLine(total: number, clinician: number): string {
  const items = `${total} guidance item${total === 1 ? '' : 's'}`;
  if (clinician === 0) return `${items}.`;
  return `${items}; ${clinician === 1 ? 'one suggests' : `${clinician} suggest`} seeing a clinician.`;
}
