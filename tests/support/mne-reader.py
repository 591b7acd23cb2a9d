"""Reads an EDF/BDF file with MNE-Python (Debian's python3-mne): the independent reader of the export tests.

Usage: mne-reader.py FILE EXPECTED.f32 N_CHANNELS
EXPECTED.f32 holds, channel after channel, the samples TwitchScope meant to write (float32, little-endian, in
the channel's physical unit). Prints JSON: channel names, rates, the largest difference per channel (in the
file's physical unit), and the annotations.
"""
import json
import sys

import numpy as np
import mne

mne.set_log_level('ERROR')
path, expected_path, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
reader = mne.io.read_raw_bdf if path.lower().endswith('.bdf') else mne.io.read_raw_edf
raw = reader(path, preload=True)
# MNE turns µV and mV into volts and leaves other units as written: undo that per channel (its own table).
units = raw._raw_extras[0]['units']
data = raw.get_data()
expected = np.fromfile(expected_path, dtype='<f4').reshape(n, -1)
diffs = []
for i in range(n):
    got = data[i] / units[i]
    m = min(len(got), expected.shape[1])
    d = np.abs(got[:m] - expected[i, :m])
    diffs.append(float(np.nanmax(d)) if np.any(np.isfinite(d)) else None)
print(json.dumps({
    'ch_names': raw.ch_names,
    'sfreq': float(raw.info['sfreq']),
    'n_times': int(raw.n_times),
    'max_diff': diffs,
    'meas_date': raw.info['meas_date'].isoformat() if raw.info['meas_date'] else None,
    'annotations': [[float(a['onset']), float(a['duration']), a['description']] for a in raw.annotations],
}))
