import { Dialog } from '../a11y/Dialog';
import { COMMANDS, GESTURES, LIST_KEYS, SHORTCUT_MODES, chordLabel, type ShortcutMode } from '../../core/platform/commands';

interface Props {
  mode: ShortcutMode;
  onMode(m: ShortcutMode): void;
  onClose(): void;
}

const mac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);

/** The keyboard shortcuts, read from the command table, and the setting for single-key shortcuts. */
export function ShortcutsDialog({ mode, onMode, onClose }: Props) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} testid="shortcuts-dialog">
      <fieldset className="shortcut-mode">
        <legend>Single-key shortcuts</legend>
        {SHORTCUT_MODES.map(([m, label]) => (
          <label key={m}>
            <input type="radio" name="shortcut-mode" value={m} checked={mode === m} onChange={() => onMode(m)} data-testid={`shortcut-mode-${m}`} /> {label}
          </label>
        ))}
      </fieldset>
      <table className="shortcut-table">
        <caption className="sr-only">Keys and what they do</caption>
        <tbody>
          {COMMANDS.map((c) => (
            <tr key={c.id}>
              <th scope="row">
                {c.keys.map((k, i) => (
                  <span key={i}>
                    {i > 0 && ' or '}
                    <kbd>{chordLabel(k, mode, mac)}</kbd>
                  </span>
                ))}
              </th>
              <td>{c.label}</td>
            </tr>
          ))}
          {[...LIST_KEYS, ...GESTURES].map(([g, what]) => (
            <tr key={g}>
              <th scope="row">{g}</th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        <button onClick={onClose} data-autofocus data-testid="shortcuts-close">
          Close
        </button>
      </div>
    </Dialog>
  );
}
