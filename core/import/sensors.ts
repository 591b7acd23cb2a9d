/** Accelerometer axes grouped by the sensor the plan names, as every reader hands them to the analysis. */
import type { Axis, Channel, SensorGroup } from '../recording';
import type { TablePlan } from './plan';

const AXIS_ORDER: Axis[] = ['x', 'y', 'z'];

/** One group per planned sensor that kept an accelerometer axis, its axes in x, y, z order. */
export function groupSensors(plan: Pick<TablePlan, 'sensors'>, channels: readonly Channel[]): SensorGroup[] {
  const sensors: SensorGroup[] = [];
  for (const sp of plan.sensors) {
    const members = channels.filter((c) => c.sensor === sp.id && c.kind === 'accel');
    if (members.length === 0) continue;
    members.sort((a, b) => AXIS_ORDER.indexOf(a.axis ?? 'x') - AXIS_ORDER.indexOf(b.axis ?? 'x'));
    sensors.push({ id: sp.id, label: sp.label, kind: 'accel', channelIds: members.map((m) => m.id), axes: members.map((m) => m.axis ?? 'x') });
  }
  return sensors;
}
