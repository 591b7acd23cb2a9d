/** The vertical scale of a bar strip: 0 on the axis and the top value on a gridline, labelled at the left. */
export function StripAxis({ left, right, base, height, top }: { left: number; right: number; base: number; height: number; top: number }) {
  return (
    <>
      <text x={left - 10} y={base - height} textAnchor="end" dominantBaseline="middle" className="bar-label">
        {top}
      </text>
      <text x={left - 10} y={base} textAnchor="end" dominantBaseline="middle" className="bar-label">
        0
      </text>
      <line className="gridline" x1={left} x2={right} y1={base - height} y2={base - height} />
      <line className="axis" x1={left} x2={right} y1={base} y2={base} />
    </>
  );
}
