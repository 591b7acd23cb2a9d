import { COLUMNS, type SortKey } from './EventRow';
import type { Sort } from './rows';

export const headerIdOf = (key: SortKey) => `evhead-${key}`;

/** How each column's order is read out, ascending then descending. */
const ORDER_WORDS: Record<SortKey, [string, string]> = {
  time: ['earliest first', 'latest first'],
  channel: ['A to Z', 'Z to A'],
  size: ['smallest first', 'largest first'],
  review: ['not yet reviewed first', 'rejected first'],
};

export function sortWords(s: Sort): string {
  const label = COLUMNS.find(([k]) => k === s.key)?.[1] ?? s.key;
  return `Events sorted by ${label.toLowerCase()}, ${ORDER_WORDS[s.key][s.desc ? 1 : 0]}`;
}

interface Props {
  sort: Sort;
  /** The header the list's keys are on (Up from the first row), or null while they are on the rows. */
  activeColumn: number | null;
  onSort(key: SortKey): void;
}

/** The column headers: a click, or Enter on the header the keys moved to, sorts by that column. */
export function EventListHeader({ sort, activeColumn, onSort }: Props) {
  return (
    <thead>
      <tr aria-rowindex={1}>
        {COLUMNS.map(([key, label], i) => (
          <th
            key={key}
            id={headerIdOf(key)}
            scope="col"
            className={activeColumn === i ? 'active' : undefined}
            aria-sort={sort.key === key ? (sort.desc ? 'descending' : 'ascending') : undefined}
            data-testid={`event-sort-${key}`}
          >
            <button tabIndex={-1} onClick={() => onSort(key)} title={`Sort by ${label.toLowerCase()} (in the list: Up from the first row, then Enter)`}>
              {label}
              <span aria-hidden="true">{sort.key === key ? (sort.desc ? ' ▾' : ' ▴') : ''}</span>
            </button>
          </th>
        ))}
      </tr>
    </thead>
  );
}
