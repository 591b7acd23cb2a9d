import { sectionById, type SectionId } from '../../core/guidance/content';
import { LEVEL_LABELS, type GuidanceItem } from '../../core/guidance/rules';

const MARKS = { 'see-clinician': '▲', attention: '●', info: '○' } as const;

interface Props {
  items: readonly GuidanceItem[];
  /** Opens the content section an item comes from. */
  onShowSource(id: SectionId): void;
}

/** The ranked guidance: level in words and a mark (never colour alone), the advice, why it was chosen, its source. */
export function GuidanceItems({ items, onShowSource }: Props) {
  if (items.length === 0) return <p className="gp-empty">No guidance for this recording yet.</p>;
  return (
    <ol className="gp-items" data-testid="guidance-items">
      {items.map((i) => (
        <li key={i.id} className={`gp-item gp-${i.level}`} data-testid="guidance-item" data-id={i.id} data-level={i.level}>
          <div className="gp-level">
            <span aria-hidden="true">{MARKS[i.level]}</span> {LEVEL_LABELS[i.level]}
          </div>
          <h3>{i.title}</h3>
          <p>{i.text}</p>
          <p className="gp-why">
            <strong>Why: </strong>
            {i.reason}
          </p>
          <button type="button" className="gp-source" onClick={() => onShowSource(i.source)}>
            Read more: {sectionById(i.source).title}
          </button>
        </li>
      ))}
    </ol>
  );
}
