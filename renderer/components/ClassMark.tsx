import type { EventType } from '../../core/analysis/types';
import { classOf } from '../chart/event-style';

/** The event class's shape in its colour, so lists and legends match the marks on the trace. */
export function ClassMark({ type }: { type: EventType }) {
  const c = classOf(type);
  const fill = `var(${c.cssVar})`;
  return (
    <svg className="class-mark" viewBox="0 0 12 12" aria-hidden="true">
      {c.shape === 'triangle' && <path d="M1 2h10L6 11z" fill={fill} />}
      {c.shape === 'square' && <rect x="1.5" y="1.5" width="9" height="9" fill={fill} />}
      {c.shape === 'diamond' && <path d="M6 0.5 11.5 6 6 11.5 0.5 6z" fill={fill} />}
      {c.shape === 'circle' && <circle cx="6" cy="6" r="4.8" fill={fill} />}
      {c.shape === 'cross' && <path d="M2 2l8 8M10 2l-8 8" stroke={fill} strokeWidth="2.4" />}
    </svg>
  );
}
