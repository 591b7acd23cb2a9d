import type { IpcMainInvokeEvent } from 'electron';
import { INVOKE_CHANNELS, type InvokeChannel } from './channels';
import { RequestRefused, type Handlers } from './handlers';
import { validateRequest } from './schemas';
import type { SenderVerdict } from './sender';

/** The part of `ipcMain` used here, so tests register on a fake and call the listeners directly. */
export interface InvokeRegistry {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
}

export interface Gatekeeper {
  authorize(event: IpcMainInvokeEvent): SenderVerdict;
  /** Told about every refused or failed message, for the log. */
  report(channel: InvokeChannel, reason: string): void;
}

/** What the renderer learns about a refused request: that it was refused, not why. */
export const REFUSED_MESSAGE = 'The request was refused.';

/**
 * Wraps a handler in the two checks every message passes: a trusted sender frame, then a payload that matches
 * the channel's schema. Only then does the handler see it, already typed.
 */
export function guardedListener<C extends InvokeChannel>(channel: C, handlers: Handlers, gate: Gatekeeper) {
  return async (event: IpcMainInvokeEvent, ...args: unknown[]): Promise<unknown> => {
    const sender = gate.authorize(event);
    if (!sender.ok) {
      gate.report(channel, sender.reason);
      throw new Error(REFUSED_MESSAGE);
    }
    if (args.length !== 1) {
      gate.report(channel, `expected one payload, got ${args.length}`);
      throw new Error(REFUSED_MESSAGE);
    }
    const request = validateRequest(channel, args[0]);
    if (!request.ok) {
      gate.report(channel, request.error);
      throw new Error(REFUSED_MESSAGE);
    }
    try {
      return await handlers[channel](sender.windowId, request.value);
    } catch (error) {
      if (error instanceof RequestRefused) throw new Error(error.message);
      gate.report(channel, error instanceof Error ? error.message : String(error));
      throw new Error('Something went wrong while reading or writing a file.');
    }
  };
}

export function registerInvokeHandlers(registry: InvokeRegistry, handlers: Handlers, gate: Gatekeeper): void {
  for (const channel of INVOKE_CHANNELS) registry.handle(channel, guardedListener(channel, handlers, gate));
}
