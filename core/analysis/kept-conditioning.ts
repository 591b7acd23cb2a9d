import { conditioningKey, type EmgConditioning } from '../detect/emg';
import type { EmgParams } from '../detect/params';
import { withSignal } from './jobs';

/**
 * The EMG channels' conditionings kept between analyses of one recording, by channel id: a new sensitivity
 * then only re-thresholds (issue 22). Each holds its conditioned signal, as many samples as the channel.
 */
export class KeptConditioning {
  private readonly byChannel = new Map<string, EmgConditioning>();

  /** The channel's conditioning when made with these parameters; one made with others is let go. */
  take(id: string, p: EmgParams, fs: number): EmgConditioning | undefined {
    const c = this.byChannel.get(id);
    // A signal still away in another thread (its buffer moved out, length 0) is no conditioning to lend.
    if (c && (c.key !== conditioningKey(p, fs) || c.conditioned.x.length !== c.prep.n)) this.byChannel.delete(id);
    return this.byChannel.get(id);
  }

  keep(id: string, c: EmgConditioning | undefined): void {
    if (c) this.byChannel.set(id, c);
  }

  /** A job that failed or was cancelled gave back the conditioned signal it was lent (moved, so a new object). */
  givenBack(id: string, lent: EmgConditioning, x: Float32Array | undefined): void {
    if (x && this.byChannel.get(id) === lent && lent.conditioned.x !== x) this.byChannel.set(id, withSignal(lent, x));
  }

  clear(): void {
    this.byChannel.clear();
  }
}
