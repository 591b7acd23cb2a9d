import { useEffect, useRef } from 'react';

export const SHORTCUTS: ReadonlyArray<[string, string]> = [
  ['N or .', 'Next event'],
  ['P or ,', 'Previous event'],
  ['C', 'Confirm the selected event'],
  ['X', 'Reject the selected event'],
  ['A', 'Add a missed twitch: click the spike on a trace'],
  ['A, then Enter', 'Add it at the dashed centre line instead (channel of the selected event)'],
  ['+ / −', 'Zoom in / out'],
  ['0', 'Show the whole recording'],
  ['← / →', 'Move earlier / later'],
  ['Wheel / Shift+wheel', 'Zoom at the pointer / move'],
  ['Drag on a trace', 'Zoom to the dragged span'],
  ['Ctrl+Z', 'Undo'],
  ['Ctrl+Shift+Z or Ctrl+Y', 'Redo'],
  ['Ctrl+O', 'Open a recording'],
  ['?', 'This list'],
];

/** The keyboard shortcuts, in a dialog that keeps focus until closed. */
export function ShortcutsDialog({ onClose }: { onClose(): void }) {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  return (
    <div className="dialog-backdrop" onClick={onClose}>
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="shortcuts-title" onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <table>
          <tbody>
            {SHORTCUTS.map(([k, what]) => (
              <tr key={k}>
                <td>
                  <kbd>{k}</kbd>
                </td>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="actions">
          <button ref={close} onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </div>
  );
}
