import { useId, useState } from 'react';
import { PRESET_TAGS, hasTag, normaliseTags } from '../../core/library';

interface Props {
  name: string;
  tags: readonly string[];
  onSave(tags: string[]): void;
  onCancel(): void;
}

/** The presets as checkboxes and anything else as comma-separated words. */
export function TagEditor({ name, tags, onSave, onCancel }: Props) {
  const id = useId();
  const [presets, setPresets] = useState<string[]>(PRESET_TAGS.filter((p) => hasTag(tags, p)));
  const [free, setFree] = useState(tags.filter((t) => !PRESET_TAGS.some((p) => hasTag([p], t))).join(', '));
  const save = () => onSave(normaliseTags([...presets, ...free.split(',')]));
  return (
    <form
      className="tag-editor"
      aria-label={`Tags for ${name}`}
      data-testid="tag-editor"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
    >
      <fieldset>
        <legend>What was going on around this recording?</legend>
        {PRESET_TAGS.map((p, i) => (
          <label key={p}>
            <input
              // Opening the editor puts the keyboard in it, right under the row it edits.
              autoFocus={i === 0}
              type="checkbox"
              checked={presets.includes(p)}
              onChange={(e) => setPresets(e.target.checked ? [...presets, p] : presets.filter((x) => x !== p))}
              data-testid={`tag-${p.replace(/\s+/g, '-')}`}
            />
            {p}
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${id}-free`}>Other tags, separated by commas</label>
      <input id={`${id}-free`} type="text" value={free} onChange={(e) => setFree(e.target.value)} data-testid="tag-free" />
      <div className="tag-actions">
        <button type="submit" className="primary" data-testid="tag-save">
          Save tags
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
