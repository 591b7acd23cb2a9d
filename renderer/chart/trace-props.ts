import type { AnalysedChannel, DetectedEvent } from '../../core/analysis/types';
import type { RecordingAnnotation } from '../../core/recording';
import type { Pyramid } from '../../core/view/pyramid';
import type { View } from '../../core/view/viewport';
import type { Palette } from './event-style';

/** What a trace chart is given: read by the component and by the uPlot options it builds. */
export interface TraceChartProps {
  channel: AnalysedChannel;
  /** One pyramid per axis (one for EMG), all on the same grid. */
  pyramids: Pyramid[];
  view: View;
  /** This channel's events, sorted by peak. */
  events: readonly DetectedEvent[];
  /** The file's own markers (EDF+ annotations), sorted by onset. */
  annotations: readonly RecordingAnnotation[];
  selected: string | null;
  addMode: boolean;
  /** Measurement cursors placed on this trace (time and value), drawn as crossing lines. */
  cursors: ReadonlyArray<{ t: number; v: number }>;
  measuring: boolean;
  onMeasure(t: number, v: number): void;
  palette: Palette;
  height: number;
  /** Units per division on a fixed scale of ±HALF_DIVISIONS divisions, or null to fit each view's data. */
  gain: number | null;
  /**
   * Centre a fixed scale on the drawn data rather than on zero: a raw signal keeps its offset and drift,
   * which would otherwise take the trace off the plot.
   */
  centreOnData?: boolean;
  onRange(t0: number, t1: number): void;
  onWheelZoom(factor: number, anchorS: number): void;
  /** Pan by a fraction of the visible span (Shift+wheel or a sideways scroll). */
  onPan(fraction: number): void;
  onPickTime(tS: number): void;
  onPickEvent(e: DetectedEvent): void;
  /** A span's edges dragged to new times (one undoable edit per drag). */
  onAdjust(e: DetectedEvent, startS: number, endS: number): void;
}
