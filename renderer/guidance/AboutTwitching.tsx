import { SECTIONS, type SectionId } from '../../core/guidance/content';

interface Props {
  open: SectionId | null;
  onToggle(id: SectionId, open: boolean): void;
}

/** The background content as expandable sections; guidance items open the one they cite. */
export function AboutTwitching({ open, onToggle }: Props) {
  return (
    <div className="gp-about">
      {SECTIONS.map((s) => (
        <details
          key={s.id}
          id={`gp-section-${s.id}`}
          open={open === s.id}
          onToggle={(e) => {
            const isOpen = (e.currentTarget as HTMLDetailsElement).open;
            if (isOpen !== (open === s.id)) onToggle(s.id, isOpen);
          }}
        >
          <summary>{s.title}</summary>
          {s.paragraphs.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
          {s.points && (
            <ul>
              {s.points.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          )}
        </details>
      ))}
    </div>
  );
}
