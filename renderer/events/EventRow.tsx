import type { AnalysedChannel, DetectedEvent } from '../../core/analysis/types';
import { ClassMark } from '../components/ClassMark';
import { formatClock } from '../../core/format';
import { listTime, sizeText } from './groups';

export type SortKey = 'time' | 'channel' | 'size' | 'review';

export const COLUMNS: ReadonlyArray<[SortKey, string, string]> = [
  ['time', 'Time', '17%'],
  ['channel', 'Site', '18%'],
  ['size', 'Class and size', '42%'],
  ['review', 'Status', '23%'],
];

/** Review states in words and a sign, never colour alone. */
const STATUS: Record<string, [string, string]> = {
  confirmed: ['✓', 'Confirmed'],
  rejected: ['✗', 'Rejected'],
  added: ['+', 'Added'],
  detected: ['', 'To review'],
};

interface Props {
  id: string;
  event: DetectedEvent;
  channel: AnalysedChannel | undefined;
  selected: boolean;
  active: boolean;
  rowIndex: number;
  onClick(): void;
}

export function EventRow({ id, event: e, channel: ch, selected, active, rowIndex, onClick }: Props) {
  const [sign, word] = STATUS[e.review ?? 'detected'];
  // The full text on hover, where a long span's class and length are cut short by the column.
  const size = sizeText(e, ch?.unit ?? '');
  return (
    <tr
      id={id}
      aria-level={2}
      aria-selected={selected}
      aria-rowindex={rowIndex}
      className={`event-row${active ? ' active' : ''}${e.review ? ` ${e.review}` : ''}`}
      onClick={onClick}
      data-testid="event-row"
      data-review={e.review ?? 'detected'}
      data-type={e.type}
      data-start={e.startS}
      data-end={e.endS}
      data-size={e.amplitude}
    >
      <td className="num">
        {formatClock(listTime(e), 2)}
      </td>
      <td title={ch?.label}>{ch?.site ?? ch?.label ?? e.channel}</td>
      <td title={size}>
        <ClassMark type={e.type} /> {size}
      </td>
      <td className="status">
        {sign && <span aria-hidden="true">{sign} </span>}
        {word}
      </td>
    </tr>
  );
}
