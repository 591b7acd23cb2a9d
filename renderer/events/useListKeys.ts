import { useState, type KeyboardEvent } from 'react';
import type { DetectedEvent } from '../../core/analysis/types';
import { COLUMNS, type SortKey } from './EventRow';
import type { Row } from './rows';

interface ListActions {
  rows: readonly Row[];
  activeIndex: number;
  pageRows: number;
  sortKey: SortKey;
  moveTo(index: number): void;
  setActive(rowId: string): void;
  toggleOpen(groupId: string, to?: boolean): void;
  toggleShown(groupId: string): void;
  select(e: DetectedEvent): void;
  sortBy(key: SortKey): void;
}

/**
 * The event list's keys. On the rows: Up/Down/Home/End/PgUp/PgDn move, Right/Left open and close a group
 * (Left on an event goes to its group), Enter opens a group or selects an event, Space shows or hides a
 * group. Up from the first row reaches the column headers, where Left/Right/Home/End choose one, Enter or
 * Space sorts by it and Down goes back: sorting by keyboard without a second tab stop.
 */
export function useListKeys(a: ListActions) {
  const [column, setColumn] = useState<number | null>(null);

  const onHeader = (k: string, col: number): boolean => {
    const last = COLUMNS.length - 1;
    if (k === 'ArrowLeft') setColumn(Math.max(0, col - 1));
    else if (k === 'ArrowRight') setColumn(Math.min(last, col + 1));
    else if (k === 'Home') setColumn(0);
    else if (k === 'End') setColumn(last);
    else if (k === 'Enter' || k === ' ') a.sortBy(COLUMNS[col][0]);
    else if (k === 'ArrowDown') setColumn(null);
    else return false;
    return true;
  };

  const onRow = (k: string, r: Row, i: number): boolean => {
    if (k === 'ArrowDown') a.moveTo(i + 1);
    else if (k === 'ArrowUp' && i === 0) setColumn(Math.max(0, COLUMNS.findIndex(([key]) => key === a.sortKey)));
    else if (k === 'ArrowUp') a.moveTo(i - 1);
    else if (k === 'Home') a.moveTo(0);
    else if (k === 'End') a.moveTo(a.rows.length - 1);
    else if (k === 'PageDown') a.moveTo(i + a.pageRows);
    else if (k === 'PageUp') a.moveTo(i - a.pageRows);
    else if (r.kind === 'group' && (k === 'ArrowRight' || k === 'ArrowLeft')) a.toggleOpen(r.group.id, k === 'ArrowRight');
    else if (r.kind === 'event' && k === 'ArrowLeft') a.setActive(`grp-${r.group}`);
    else if (r.kind === 'group' && k === 'Enter') a.toggleOpen(r.group.id);
    else if (r.kind === 'event' && k === 'Enter') a.select(r.event);
    else if (r.kind === 'group' && k === ' ') a.toggleShown(r.group.id);
    else return false;
    return true;
  };

  const onKey = (e: KeyboardEvent) => {
    const row = a.rows[a.activeIndex];
    const handled = column !== null ? onHeader(e.key, column) : row ? onRow(e.key, row, a.activeIndex) : false;
    if (handled) e.preventDefault();
  };

  return { column, leaveHeader: () => setColumn(null), onKey };
}
