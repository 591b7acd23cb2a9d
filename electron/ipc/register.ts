import type { IpcMainInvokeEvent } from 'electron';
import { INVOKE_CHANNELS, type InvokeChannel, type IpcReply } from './channels';
import { RequestRefused, type Handlers } from './handlers';
import { validateRequest } from './schemas';
import type { SenderVerdict } from './sender';

/** The part of `ipcMain` used here, so tests register on a fake and call the listeners directly. */
export interface InvokeRegistry {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<IpcReply<unknown>>): void;
}

export interface Gatekeeper {
  authorize(event: IpcMainInvokeEvent): SenderVerdict;
  /** Told about every refused or failed message, for the log. */
  report(channel: InvokeChannel, reason: string): void;
}

/** What the renderer learns about a refused request: that it was refused, not why. */
export const REFUSED_MESSAGE = 'The request was refused.';
export const FAILED_MESSAGE = 'Something went wrong while reading or writing a file.';

/**
 * Wraps a handler in the two checks every message passes: a trusted sender frame, then a payload that matches
 * the channel's schema. Only then does the handler see it, already typed.
 */
export function guardedListener<C extends InvokeChannel>(channel: C, handlers: Handlers, gate: Gatekeeper) {
  const refuse = (reason: string): IpcReply<never> => {
    gate.report(channel, reason);
    return { ok: false, message: REFUSED_MESSAGE };
  };
  return async (event: IpcMainInvokeEvent, ...args: unknown[]): Promise<IpcReply<unknown>> => {
    const sender = gate.authorize(event);
    if (!sender.ok) return refuse(sender.reason);
    if (args.length !== 1) return refuse(`expected one payload, got ${args.length}`);
    const request = validateRequest(channel, args[0]);
    if (!request.ok) return refuse(request.error);
    try {
      return { ok: true, value: await handlers[channel](sender.windowId, request.value) };
    } catch (error) {
      if (error instanceof RequestRefused) return { ok: false, message: error.message };
      gate.report(channel, error instanceof Error ? error.message : String(error));
      return { ok: false, message: FAILED_MESSAGE };
    }
  };
}

export function registerInvokeHandlers(registry: InvokeRegistry, handlers: Handlers, gate: Gatekeeper): void {
  for (const channel of INVOKE_CHANNELS) registry.handle(channel, guardedListener(channel, handlers, gate));
}
