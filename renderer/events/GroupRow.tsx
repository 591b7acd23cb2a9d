import { COLUMNS } from './EventRow';
import type { Row } from './rows';

interface Props {
  row: Extract<Row, { kind: 'group' }>;
  active: boolean;
  /** Switched off: not drawn on the traces and skipped by N/P. */
  hidden: boolean;
  rowIndex: number;
  onToggleOpen(): void;
  onToggleShown(): void;
}

/** A group's heading: its name and count, opened and closed by a click, with its own show/hide switch. */
export function GroupRow({ row: r, active, hidden, rowIndex, onToggleOpen, onToggleShown }: Props) {
  return (
    <tr
      id={r.id}
      className={`group-row${active ? ' active' : ''}${hidden ? ' off' : ''}`}
      aria-level={1}
      aria-expanded={r.open}
      aria-rowindex={rowIndex}
      onClick={onToggleOpen}
      data-testid="event-group"
      data-group={r.group.id}
      data-count={r.count}
    >
      <td colSpan={COLUMNS.length - 1}>
        <span aria-hidden="true" className="twisty">{r.open ? '▾' : '▸'}</span> {r.group.title(r.count)}
      </td>
      <td className="group-shown">
        <button
          tabIndex={-1}
          aria-pressed={!hidden}
          onClick={(ev) => {
            ev.stopPropagation();
            onToggleShown();
          }}
          title="Show or hide these on the traces (Space)"
          data-testid="group-shown"
        >
          {hidden ? 'Hidden' : 'Shown'}
        </button>
      </td>
    </tr>
  );
}
