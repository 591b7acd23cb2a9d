import { ANSWERS, ANSWER_LABELS, QUESTIONS, QUESTION_GROUPS, type Answer, type ChecklistAnswers, type QuestionId } from '../../core/guidance/checklist';

interface Props {
  answers: ChecklistAnswers;
  onAnswersChange(next: ChecklistAnswers): void;
}

/**
 * The symptom and context checklist: one native radio group per question, so arrow keys, screen readers
 * and labels work without extra code. Any question can be left open or cleared again.
 */
export function Checklist({ answers, onAnswersChange }: Props) {
  const set = (id: QuestionId, a: Answer | undefined) => {
    const next: ChecklistAnswers = { ...answers };
    if (a === undefined) delete next[id];
    else next[id] = a;
    onAnswersChange(next);
  };
  return (
    <form className="gp-checklist" data-testid="checklist" onSubmit={(e) => e.preventDefault()}>
      {QUESTION_GROUPS.map((g) => (
        <fieldset key={g.id} className="gp-group">
          <legend>{g.title}</legend>
          <p className="gp-hint">{g.hint}</p>
          {QUESTIONS.filter((q) => q.group === g.id).map((q) => {
            const current = answers[q.id];
            return (
              <fieldset key={q.id} className="gp-question" data-testid={`question-${q.id}`}>
                <legend>{q.text}</legend>
                <div className="gp-options">
                  {ANSWERS.map((a) => (
                    <label key={a} className={current === a ? 'gp-option gp-selected' : 'gp-option'}>
                      <input type="radio" name={`gp-${q.id}`} value={a} checked={current === a} onChange={() => set(q.id, a)} />
                      {ANSWER_LABELS[a]}
                    </label>
                  ))}
                  {current !== undefined && (
                    <button type="button" className="gp-clear" onClick={() => set(q.id, undefined)} aria-label={`Clear the answer to: ${q.text}`}>
                      Clear
                    </button>
                  )}
                </div>
              </fieldset>
            );
          })}
        </fieldset>
      ))}
    </form>
  );
}
