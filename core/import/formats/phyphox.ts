import type { FormatDef } from './format';
import { planTable } from './generic';

/** phyphox app export: `"Time (s)","Acceleration x (m/s^2)",...` (comma/point or semicolon/comma variants). */
export const phyphox: FormatDef = {
  id: 'phyphox',
  name: 'phyphox CSV',
  description: 'phyphox app "Acceleration" / "Linear Acceleration" export (either decimal mark)',
  evidence: 'real',
  detect: (head) => (/^"?Time \(s\)"?[,;\t]"?(Linear )?Acceleration x \(m\/s\^2\)/i.test(head.lines[0] ?? '') ? 1 : 0),
  plan: (head, options) => planTable(head, options, 'phyphox', 'phyphox CSV'),
};
