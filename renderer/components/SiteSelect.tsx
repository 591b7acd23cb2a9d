import { SITES, parseSite, type Side } from '../../core/sites';
import { capitalise } from '../../core/format';

interface Props {
  id: string;
  label: string;
  value: string | null;
  onChange(site: string | null): void;
}

/** Body site and side for one analysed channel, as two labelled selects. */
export function SiteSelect({ id, label, value, onChange }: Props) {
  const parsed = value ? parseSite(value) : null;
  const site = parsed?.site ?? (value ? 'other' : '');
  const side: Side | '' = parsed?.side ?? '';
  const emit = (s: string, sd: string) => onChange(s ? (sd ? `${sd} ${s}` : s) : null);
  return (
    <div className="site-select" data-testid={`site-${id}`}>
      <select aria-label={`Body site of ${label}`} value={site} onChange={(e) => emit(e.target.value, side)} data-testid={`site-${id}-site`}>
        <option value="">Not set</option>
        {SITES.map((s) => (
          <option key={s} value={s}>
            {capitalise(s)}
          </option>
        ))}
      </select>
      <select aria-label={`Side of ${label}`} value={side} onChange={(e) => emit(site, e.target.value)} disabled={!site} data-testid={`site-${id}-side`}>
        <option value="">No side</option>
        <option value="left">Left</option>
        <option value="right">Right</option>
      </select>
    </div>
  );
}
