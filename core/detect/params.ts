/**
 * Every detection default in one place, each with where it comes from. `resolveParams` applies the
 * user's sensitivity knob and individual overrides; the result is stored with each analysis.
 */

interface Default {
  value: number;
  unit: string;
  source: string;
}

const d = (value: number, unit: string, source: string): Default => ({ value, unit, source });

export const EMG_DEFAULTS = {
  bandLowHz: d(20, 'Hz', 'SENIAM recommendations (Hermens et al. 2000): surface EMG high-pass 10-20 Hz'),
  bandHighHz: d(450, 'Hz', 'SENIAM (Hermens et al. 2000): low-pass near 500 Hz; clipped to 0.45 x sample rate'),
  filterOrder: d(4, '', 'Butterworth order 4, run forward and backward (zero phase)'),
  notchQ: d(30, '', 'Narrow IIR notch (Q 30) keeps the EMG band at 500 Hz sampling (Mewett et al. 2004 on notch trade-offs)'),
  mainsProminence: d(6, 'x', 'A mains line must stand 6x (7.8 dB) above its spectral neighbourhood to be notched'),
  mainsHarmonics: d(40, '', 'Mains harmonics up to the 40th are looked for, folded back into the band when above Nyquist: devices without a sharp anti-aliasing filter record them there'),
  mainsDriftHz: d(0.1, 'Hz', 'Mains drifts up to about 0.1 Hz from nominal within minutes (ENTSO-E normal band +/-50 mHz; twice that allowed); harmonic h drifts h times as far, and its notch is widened to cover it'),
  humTrackShare: d(0.07, '', 'Where hum left after the notches holds 7 % or more of the band\'s power, its lines are tracked and subtracted as well'),
  humWindowS: d(1, 's', 'Tracked hum: amplitude and phase followed over 1 s (two running means, a triangle 2 s wide at its base), fast enough for hum that waxes and wanes with movement near a cable (about 0.5 Hz) and long enough that the estimate\'s own noise does not add false peaks'),
  humLeftProminence: d(3, 'x', 'After filtering, a line still 3x over its neighbourhood means the hum was not fully removed'),
  mainsLockZ: d(9.2, '', 'Twitch-like events keep step with the mains when Rayleigh\'s z over their hum phases exceeds 9.2: P < 1e-4 for events independent of the mains (Mardia & Jupp 2000)'),
  mainsLockMinEvents: d(10, '', 'At least 10 events before their phases are tested against the mains'),
  foldedHumRatio: d(1, 'x', 'Below full-band sampling (500 Hz), mains harmonics folded back from above Nyquist and holding as much power as the rest of the band cannot be taken out cleanly: 60 Hz hum sampled at 250 Hz folds into a comb every 10 Hz across the 20-112 Hz band, harmonics h and 25 - h cross on one line each time the mains passes 60 Hz, and what notches and tracking leave of them cost recall (0.75 on those channels) and gave 78 false twitches per channel-hour on the accuracy bench; the channel cannot tell'),
  humLeftShare: d(0.1, '', 'Hum left holding 10 % or more of the band\'s power makes the channel say it cannot tell where it hides twitches (the floor it leaves is over cannotTellUv, or the unit does not let that be judged) or mimics them (the peaks at rest keep step with the mains: mainsLockZ); hum that does neither only raises the floor, which minDetectable states'),
  noiseWindowS: d(1, 's', 'Robust sigma = median|x|/0.6745 per window (Hampel 1974)'),
  noiseNeighbourhoodS: d(30, 's', 'Local noise floor: 25th percentile of window sigmas within +/-30 s, so one loud stretch does not blind the rest'),
  envelopeMs: d(2, 'ms', 'Short RMS envelope, shorter than a motor unit potential (2-15 ms, normal MUAP duration)'),
  twitchK: d(5, 'x sigma', 'Fasciculation candidates at k = 5 robust sigma (range 4-6; surface FP detection practice, cf. SPiQE noise-responsive thresholds, Bashford et al. 2019, a high-density grid study whose figures do not validate this tool)'),
  releaseK: d(2.5, 'x sigma', 'Hysteresis on the envelope: a candidate ends when it falls below 2.5 sigma (two thresholds; Bonato et al. 1998 use a double threshold on the raw signal, not an envelope)'),
  mergeGapMs: d(6, 'ms', 'Phases of one potential closer than 6 ms are one candidate'),
  minSnr: d(6, 'x sigma', 'A twitch must peak at least 6 sigma above the local floor (scoring floor of the accuracy benchmark)'),
  maxPotentialMs: d(40, 'ms', 'One potential is at most 40 ms wide at 20 % of its peak (surface FP priors: 5-30 ms)'),
  multipletGapMs: d(110, 'ms', 'Potentials within 110 ms count as one event, a multiplet: a doublet, or a fasciculation and its F-wave, which Kleine et al. 2012 found 10-110 ms after it (high-density grid study; its figures do not validate this tool)'),
  maxMultiplet: d(4, '', 'More than 4 potentials in a row is a burst, not a twitch'),
  notchEchoMs: d(250, 'ms', 'With mains notches, a twitch under a fifth the size of one within 250 ms is the notch ringing (ring time Q / (pi f0) = 0.2 s at Q 30, 50 Hz)'),
  echoFraction: d(0.4, '', 'Within a twitch, potentials below 40 % of the largest are ringing or phases, not members'),
  isolationMs: d(250, 'ms', 'No twitch within 250 ms of sustained activity or an artifact (detection notes, section 7.2)'),
  sustainedBinMs: d(25, 'ms', 'Activity measured in 25 ms bins, about one motor-unit potential plus its spacing'),
  sustainedBinK: d(3, 'x sigma', 'A bin is active when its RMS exceeds 3 sigma (Hodges & Bui 1996, h = 3)'),
  sustainedWindowS: d(0.5, 's', 'Density of active bins over 0.5 s windows (PLM scoring uses 0.5 s, AASM)'),
  sustainedOn: d(0.6, '', 'Dense activity: at least 60 % of bins active (cramp units fire 6-25 Hz each, Minetto et al. 2009)'),
  sustainedOff: d(0.3, '', 'Ends when fewer than 30 % of bins are active'),
  sustainedMinS: d(1, 's', 'Sustained, cramp-like activity lasts at least 1 s'),
  sustainedBridgeS: d(0.3, 's', 'Pauses shorter than 0.3 s do not split an episode'),
  spikeSeparationMs: d(10, 'ms', 'Discharges are envelope peaks at least 10 ms apart: one potential lasts 2-15 ms (normal MUAP), while one unit fires at most every 40 ms or so at voluntary rates'),
  activityWindowS: d(2, 's', 'Trains of discharges are judged in 2 s windows (at least 10 intervals at voluntary rates of 5 Hz and more), moved on by 0.5 s'),
  activityHopS: d(0.5, 's', 'See activityWindowS'),
  activityDenseRate: d(5, '/s', 'Over 5 discharges a second is not fasciculation, whatever the regularity: fasciculation rates run to 80/min in ALS (IQR, Bashford et al. 2020) and rarely past 100/min in healthy feet (van der Heijden et al. 1994); 300/min is three times that'),
  unitMinHz: d(4, 'Hz', 'Voluntary motor units fire from about 5 Hz (recruitment) to 25 Hz at low forces (De Luca & Hostage 2010); 4 Hz stays above the fastest heart (180/min = 3 Hz)'),
  unitMaxHz: d(30, 'Hz', 'See unitMinHz; above 30 Hz a single amplitude class is more likely two units or one potential\'s phases'),
  unitMaxCv2: d(0.5, '', 'A unit fires regularly when the median CV2 of its intervals is at most 0.5: voluntary units vary by a CV of 0.1-0.25 (Moritz et al. 2005), random (Poisson) firing such as fasciculation gives 1 (Holt et al. 1996)'),
  unitClassSpread: d(1.5, 'x', 'Discharges of one unit keep their size within +/-20 % on a fixed surface electrode; classes span at most 1.5x from largest to smallest'),
  unitMinSpikes: d(6, '', 'At least 6 discharges (4 successive interval pairs) before a class\'s regularity counts'),
  contractionMaxCv2: d(0.3, '', 'A dense episode is a voluntary contraction when its steadiest unit fires with a median CV2 of 0.3 or less over its windows (voluntary CV 0.1-0.25, Moritz et al. 2005); cramp discharges are irregular (ISI CV 0.45 +/- 0.1, Minetto et al. 2009)'),
  activityChainGapS: d(0.5, 's', 'Discharges more than 0.5 s apart end a stretch of activity (two missed discharges at 4 Hz)'),
  activityMinS: d(1, 's', 'Activity lasts at least 1 s'),
  activityBridgeS: d(3, 's', 'Stretches of firing less than 3 s apart are one contraction whose discharges dipped below the threshold for a moment (a unit near threshold, or sampling that misses peaks)'),
  activityTailS: d(1, 's', 'For 1 s after activity ends, candidates are leftovers of the contraction (derecruiting units), not twitches: on real armband recordings they came 0.3-0.9 s after a gesture'),
  tremorLowHz: d(3, 'Hz', 'Tremor: rhythmic bursts at 3-12 Hz (rest, postural and essential tremor, Elble & Deuschl 2011)'),
  tremorHighHz: d(12, 'Hz', 'See tremorLowHz'),
  tremorProminence: d(10, 'x', 'A tremor line stands 10x above the discharge spectrum\'s median: a renewal train with interval CV c peaks (1 + phi)/(1 - phi) above random firing, phi = exp(-2 pi^2 c^2) (Cox 1962), 10x at c = 0.1; voluntary units (c 0.15-0.25) stay under 5x'),
  tremorBurstMs: d(15, 'ms', 'Tremor bursts group several units firing together over 20-100 ms; one motor-unit potential lasts 2-15 ms'),
  rhythmBinMs: d(10, 'ms', 'Discharge counts in 10 ms bins for the rhythm spectrum (up to 50 Hz)'),
  ecgK: d(3.5, 'x sigma', 'Heartbeats are searched at a lower threshold than twitches so the train is complete where beats hover near the twitch threshold'),
  ecgMinPeriodS: d(0.33, 's', 'Heart period 0.33-1.5 s (40-180 beats per minute)'),
  ecgMaxPeriodS: d(1.5, 's', 'Heart period 0.33-1.5 s (40-180 beats per minute)'),
  ecgShapeCorrelation: d(0.8, '', 'ECG beats are stereotyped: shape correlation >= 0.8 (template clustering, detection notes 7.2)'),
  ecgMinBeats: d(5, '', 'A train needs 5 similar, evenly spaced beats'),
  ecgIntervalTolerance: d(0.2, '', 'Consecutive beat intervals within 20 % of each other'),
  ecgIrregularBeats: d(10, '', 'A chain of 10 same-shaped, same-sized beats at heart periods is a heart train even when its intervals are irregular (atrial fibrillation: RR intervals vary by a CV of about 0.2)'),
  motionShortMs: d(30, 'ms', 'Motion band = 30 ms moving mean minus 500 ms moving mean (about 2-15 Hz; motion artifacts sit below 20 Hz, De Luca et al. 2010), with finite support so an artifact is not smeared over seconds'),
  motionLongMs: d(500, 'ms', 'See motionShortMs'),
  motionK: d(10, 'x sigma', 'Motion: low band above 10 x its own floor and 10 x the EMG noise floor, and larger than the EMG band at that time'),
  motionMarginS: d(0.2, 's', 'Excluded time around a motion artifact'),
  clipMinRun: d(3, 'samples', 'Clipping: at least 3 consecutive samples at full scale (detection notes 7.1)'),
  clipMarginS: d(0.1, 's', 'Excluded time around clipping, where the filters ring'),
  flatMinS: d(0.25, 's', 'Disconnected: the raw value does not change for 0.25 s'),
  surfaceFpUv: d(50, 'µV', 'Surface fasciculation potentials are counted from 50 µV peak to peak in healthy muscle (van der Heijden et al. 1994)'),
  cannotTellUv: d(100, 'µV', 'A channel that cannot show a 100 µV peak (200 µV peak to peak, 4x the 50 µV counting floor of van der Heijden et al. 1994) misses most surface fasciculations: no rate is given (cf. SPiQE, which drops recordings noisier than 100 µV, Bashford et al. 2019)'),
  maxFilledGapMs: d(10, 'ms', 'Empty cells up to 10 ms are bridged by a straight line; longer holes are gaps'),
  patchMarginMs: d(1.5, 'ms', 'Around a filled-in sample the filters\' response to its small error lasts a few samples: no candidate may peak there'),
  minRunS: d(0.25, 's', 'Gap-free stretches shorter than 0.25 s are too short to filter and to estimate noise on'),
  minBandRatio: d(1.5, 'x', 'The EMG band must span at least 1.5x (high over low edge) for potentials to show at all'),
  fullBandRateHz: d(500, 'Hz', 'Below 500 Hz sampling the EMG band is cut short and fast potentials lose their peaks (detection notes 7.1)'),
  welchSegments: d(32, '', 'Mains is found in a median-of-32-periodograms spectrum (Welch 1967; median combining, Allen et al. 2012)'),
  filterEdgeS: d(0.2, 's', 'Nothing is called where the filters still ring at the ends of a run: about Q / (pi f0) = 0.2 s for the Q 30 notches'),
  qrsMergeMs: d(30, 'ms', 'The lobes of one filtered QRS lie up to about 30 ms apart: one heartbeat candidate'),
  densitySeparationMs: d(5, 'ms', 'Spikes counted for an episode\'s density are at least 5 ms apart (one motor-unit potential)'),
  beatLeftoverRatio: d(0.5, 'x', 'After template subtraction (Drake & Callaghan 2006) a beat\'s leftovers stay under half its size; a twitch on a beat must be more'),
  beatSizeRatio: d(1.6, 'x', 'Beat-sized: within 1.6x of the typical beat either way'),
  edgeBeatCycles: d(3, '', 'Near a run\'s ends, a beat-sized potential within 3 heart periods of the rhythm is a beat'),
  doubletMinMs: d(10, 'ms', 'Potentials closer than 10 ms are phases of one potential; from 10 ms on, a second potential makes a multiplet (Kleine et al. 2012 saw a fasciculation\'s F-wave 10-110 ms after it)'),
  echoRatio: d(5, 'x', 'A twitch under a fifth the size of one within the echo window is ringing'),
  widthBridgeMs: d(2, 'ms', 'The zero crossing inside one biphasic potential lasts well under 2 ms: it does not end the potential\'s width'),
  motionBinMs: d(50, 'ms', 'Motion is judged in 50 ms bins, about the width of the broadest motor-unit activity'),
  motionBlockMs: d(5, 'ms', 'The motion band is formed from 5 ms block means (motion lives below ~15 Hz)'),
  ectopicMinMs: d(60, 'ms', 'On a channel where the heart shows, a beat-sized complex lasting 60 ms or more is an ectopic beat: a QRS lasts 80-120 ms (over 120 ms when ventricular), a motor-unit potential 2-15 ms'),
  ectopicBusy: d(0.6, '', 'The lobes of one QRS keep the envelope up through 60 % of the complex or more; a multiplet of separate potentials is quiet between them'),
  ecgSnippetMs: d(40, 'ms', 'Beat shapes are compared over +/-40 ms'),
  ecgMaxShiftMs: d(30, 'ms', 'A biphasic beat may peak on either lobe: shapes are aligned within +/-30 ms'),
  ecgStepMs: d(2, 'ms', 'Beat shapes are correlated on a 2 ms grid: a filtered QRS changes over milliseconds'),
  ecgMarginMs: d(20, 'ms', 'A beat\'s artifact span reaches 20 ms beyond its candidate'),
  ecgLookahead: d(48, '', 'A candidate links to one of the next 48 candidates at most'),
  ecgMaxCycles: d(10, '', 'Beats are placed up to 10 heart periods from a known one'),
  ecgTemplateBeats: d(64, '', 'The average beat is taken over up to 64 beats (noise falls as 1/sqrt(beats))'),
  ecgSubtractMs: d(100, 'ms', 'A filtered beat, with the high-pass ringing after its S wave, lasts about +/-100 ms'),
};

export const ACCEL_DEFAULTS = {
  bandLowHz: d(5, 'Hz', 'Twitch band 5-45 Hz removes gravity and posture (detection notes 7.3)'),
  bandHighHz: d(45, 'Hz', 'Twitch band 5-45 Hz; clipped to 0.45 x sample rate'),
  filterOrder: d(4, '', 'Butterworth order 4, zero phase'),
  twitchK: d(6, 'x sigma', 'Transient when the band-passed vector exceeds 6 robust sigma (5 sigma in the notes, raised for the 3-axis norm)'),
  releaseK: d(2.5, 'x sigma', 'Hysteresis release'),
  minSnr: d(6, 'x sigma', 'Reported transients peak at least 6 sigma above the floor'),
  maxTwitchMs: d(400, 'ms', 'A transient above threshold for 20-300 ms (notes 7.3), with room for slow sampling'),
  deadTimeMs: d(250, 'ms', 'Transients closer than 250 ms are one (notes 7.3)'),
  noiseWindowS: d(10, 's', 'Noise sigma per 10 s window'),
  moveLowHz: d(0.5, 'Hz', 'Gross movement band 0.5-5 Hz (stillness gate, notes 7.3)'),
  moveHighHz: d(5, 'Hz', 'Gross movement band 0.5-5 Hz'),
  moveWindowS: d(1, 's', 'Movement: 1 s RMS of the movement band (stillness gate, notes 7.3)'),
  moveOnG: d(0.015, 'g', 'Movement when the 1 s RMS exceeds 15 mg (stillness limit 10 mg, notes 7.3)'),
  moveOffG: d(0.008, 'g', 'Movement ends below 8 mg'),
  moveMarginS: d(0.5, 's', 'Excluded time around movement'),
  sustainedK: d(2.5, 'x sigma', 'Prolonged activity: 0.5 s RMS of the twitch band above 2.5 sigma'),
  sustainedMinS: d(2, 's', 'Prolonged activity lasts at least 2 s (notes 7.3: >= 2 s rise of 5-45 Hz RMS)'),
  referenceTwitchHz: d(15, 'Hz', 'Detectability reference: damped 15 Hz transient, 30 ms decay (MU twitch 35-98 ms contraction, Sica & McComas 1971); sizes and the stated floor are of such a movement'),
  fillGapMs: d(10, 'ms', 'Empty cells up to 10 ms are bridged'),
  minRunS: d(1, 's', 'Stretches without gaps shorter than 1 s are not analysed'),
  minBandRatio: d(1.5, 'x', 'Below a twitch band this narrow (high over low edge) the rate is too low to analyse transients'),
  moveBridgeS: d(1, 's', 'Movement spans less than 1 s apart are one'),
  sustainedWindowS: d(0.5, 's', 'Prolonged activity is judged on a 0.5 s RMS'),
  sustainedMinHz: d(8, 'Hz', 'Prolonged activity whose band-passed movement has a mean frequency under 8 Hz is a slower movement of the limb (a leg bouncing at 3-6 Hz) passing the band\'s 5 Hz edge, not a cramp, whose units fire at 14.5 +/- 5.1 Hz (cramp discharge, detection notes 2; motion artefacts concentrate at 5-10 Hz in accelerometer MMG, notes 4.1): movement'),
  sustainedBridgeS: d(0.5, 's', 'Prolonged activity less than 0.5 s apart is one span'),
  transientMergeMs: d(30, 'ms', 'Above-threshold parts less than 30 ms apart are one transient'),
  blockedMarginS: d(0.25, 's', 'No transient within 0.25 s of movement, prolonged activity or a gap'),
  twitchBridgeMs: d(40, 'ms', 'Dips shorter than 40 ms do not end a transient\'s length (its own oscillation)'),
  twitchTopHz: d(30, 'Hz', 'A muscle twitch is a smooth transient (contraction 35-98 ms, Sica & McComas 1971) with most of its energy below about 30 Hz (detection notes 4.1)'),
  knockLowHz: d(35, 'Hz', 'Knock: an impact is broadband; its energy per Hz above 35 Hz is compared with that in the twitch band'),
  knockSpanMs: d(150, 'ms', 'The spectra are compared over +/-150 ms of the transient'),
  knockHighShare: d(0.5, 'x', 'A transient with at least half as much energy per Hz above the twitch band as within it is a knock (an impact\'s flat spectrum gives about 1, a twitch far less)'),
  knockShape: d(0.93, '', 'A transient whose band-passed shape correlates 0.93 or more with the filter\'s response to an impulse is a knock'),
  knockShapeRateHz: d(100, 'Hz', 'The shape test needs the band to reach well past twitch frequencies (about 45 Hz): from 100 Hz sampling; slower, an impact and a twitch look alike'),
  knockSpreadRateHz: d(150, 'Hz', 'The spectral test needs room above the twitch band: from 150 Hz sampling (Nyquist 75 Hz, twice the 35 Hz split)'),
  knockPulseRateHz: d(80, 'Hz', 'The impact test needs two samples (25 ms at 80 Hz) shorter than a muscle twitch, whose contraction takes 35-98 ms (Sica & McComas 1971), so that a twitch spreads past them'),
  knockFlankMs: d(300, 'ms', 'The impact test fits its baseline (gravity, posture, a slow fidget) and noise on 300 ms either side of the +/-150 ms window'),
  knockPulseBeforeMs: d(50, 'ms', 'The impact test counts energy from 50 ms before the peak (half the slowest twitch period, 10 Hz: the peak may be a twitch\'s second lobe) ...'),
  knockPulseAfterMs: d(100, 'ms', '... to 100 ms after it (one full period of the slowest twitch, where its swing back lies); a window no longer than that holds less noise, so weaker impacts are told'),
  knockPulseLeft: d(0.05, '', 'An impact shorter than a sample leaves under 5 % of its energy outside the two samples it falls across; a twitch swings back and leaves 15 % or more even at 25 Hz with a 20 ms decay (energy falls by e^-1 a sample at 100 Hz: e^-2 / (1 - e^-1) of the pair)'),
  knockPulseZ: d(2, 'SD', 'The energy left outside the pair must be under that share by 2 standard deviations of the noise\'s energy there (chi-square): a weak transient whose shape the noise hides stays a twitch'),
  knockJerkMargin: d(2, 'x', 'Impact: the raw axes bend (second difference) more than twice as sharply as a movement at the top of the twitch band could, (2 pi 30 Hz / fs)^2 times its size'),
  knockJerkZ: d(4, 'x noise', '... plus 4 times the noise of a second difference (sqrt(6) sigma per axis, three axes; the largest of 80 such values from noise alone is about 2.3 times it)'),
  knockTiltG: d(0.003, 'g', 'A knock that rocks a device in a loose pocket or strap leaves it tilted; a change of the gravity vector of 3 mg (0.17 degrees) or more across a transient is not a twitch, which contracts and relaxes and leaves the limb where it was'),
  knockTiltZ: d(6, 'x sigma', '... and the change must exceed 6 times the noise of the two medians'),
  knockTiltWindowS: d(0.5, 's', 'Gravity before and after a transient: medians over 0.5 s (their noise falls by sqrt(0.5 fs))'),
  knockTiltLeadS: d(0.3, 's', 'The window before ends 0.3 s before the peak (a twitch rises over 35-98 ms, Sica & McComas 1971)'),
  knockTiltSettleS: d(0.7, 's', 'The window after starts 0.7 s after the peak: a phone on the thigh rings at 6-19 Hz (skin stiffness 330-1900 N/m, Karlsson & Tranberg 1999) with damping 0.1-0.3, down to under a tenth by then (6 Hz, 0.1: e^-2.6)'),
  knockMountMin: d(5, '', 'The recording\'s own knocks teach its mount only when at least 5 were recognised by the other tests ...'),
  knockMountShare: d(0.2, '', '... and they are at least a fifth of the brief transients (a twitching muscle, a few of its twitches misjudged, must not teach its own twitch shape)'),
  knockMountDims: d(6, '', 'A knock on a device on soft tissue is the contact plus three mount directions ringing at their own rates: the recognised knocks\' windows are summarised by 6 principal directions'),
  knockMountWindowMs: d(250, 'ms', 'The windows run 250 ms from 20 ms before the peak: the ringing a twitch (contraction 35-98 ms) has ended by then'),
  knockMountMatch: d(0.8, '', 'A transient with 80 % or more of its energy (less the noise\'s) in the knocks\' subspace rang like them: a knock'),
  looseKnocksMin: d(3, '', 'A recording in which the knock tests recognised at least 3 knocks ...'),
  looseKnocksPerHour: d(10, '/h', '... and at least 10 per hour of analysed time shows a device moving loosely on the body (a phone in a pocket rings on the thigh after each knock): simulated pockets at rest show 3-20 in 15 min (12-80 per hour), strapped sensors 0-2 in 15 min while walking and a real armband (Polar Sense, 52 Hz) 2 in 8.5 min. Below knockSpreadRateHz, where the contact\'s energy above the twitch band cannot be seen, such a channel cannot tell a knock from a twitch under the device and gives no rate'),
  knockClusterS: d(1.5, 's', 'Knocks come in clusters (taps, a leg bumping a desk and settling) and a twitch is isolated: a transient within 1.5 s of one judged a knock or fidget is part of that movement; a phone rings on the thigh for up to 1.3 s after a knock (6 Hz at damping 0.1: five time constants), where a transient cannot be told from the ringing'),
  fidgetReachS: d(0.5, 's', 'Fidget: the slow movement band (0.5-5 Hz) is looked at within +/-0.5 s of a transient'),
  fidgetMinG: d(0.005, 'g', 'A fidget moves the limb by 5 mg or more in the slow band (half the 10 mg stillness limit, detection notes 7.3), above the band\'s noise'),
  fidgetRatio: d(0.6, 'x', 'A transient with slow movement 0.6 times its size or more around it is a fidget; a twitch carries almost nothing below 5 Hz'),
};

export const SUMMARY_DEFAULTS = {
  minRateRestS: d(60, 's', 'No rate from under 1 min of rest: even in ALS one fasciculation may take 70-90 s to appear (HD-sEMG, J NeuroEng Rehabil 2012;9:78; needle, Mills 2011), so a count from less says nothing'),
  steadyRestS: d(120, 's', 'From 2 min of rest the count is steadier (P(5 or more FPs) about 0.95 in ALS, detection notes 7.2); below that the rate is called rough'),
  activeShare: d(0.5, '', 'A channel in use (activity or sustained) for half its analysed time or more is "active throughout" when it leaves too little rest'),
};

export const SENSITIVITY_DEFAULT = d(0.5, '0..1', 'One knob: 0 = fewest detections, 1 = most; 0.5 gives the defaults above');

export type EmgParams = { [K in keyof typeof EMG_DEFAULTS]: number };
export type AccelParams = { [K in keyof typeof ACCEL_DEFAULTS]: number };
export type SummaryParams = { [K in keyof typeof SUMMARY_DEFAULTS]: number };

export interface DetectionParams {
  sensitivity: number;
  emg: EmgParams;
  accel: AccelParams;
  summary: SummaryParams;
}

function values<T extends Record<string, Default>>(defs: T): { [K in keyof T]: number } {
  const out = {} as { [K in keyof T]: number };
  for (const k of Object.keys(defs) as Array<keyof T>) out[k] = defs[k].value;
  return out;
}

/**
 * Sensitivity s in 0..1 moves the twitch thresholds (k and the minimum SNR): value = default x
 * (1 + 0.8 (0.5 - s)), so 0.5 keeps the defaults, 0 raises them by 40 % and 1 lowers them by 40 %.
 */
export function sensitivityScale(s: number): number {
  return 1 + 0.8 * (0.5 - Math.min(1, Math.max(0, s)));
}

/**
 * Overrides come as `{ sensitivity, emg: { twitchK }, accel: {...}, summary: {...} }` or flat `{ 'emg.twitchK': 4 }`.
 * Unknown names and non-finite numbers are rejected so a typo is never silently ignored.
 */
export function resolveParams(overrides: Record<string, unknown> = {}): DetectionParams {
  const emg = values(EMG_DEFAULTS);
  const accel = values(ACCEL_DEFAULTS);
  const summary = values(SUMMARY_DEFAULTS);
  let sensitivity = SENSITIVITY_DEFAULT.value;
  const explicit = new Set<string>();
  const set = (path: string, v: unknown): void => {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`parameter ${path} must be a finite number`);
    if (path === 'sensitivity') {
      if (v < 0 || v > 1) throw new Error('parameter sensitivity must be between 0 and 1');
      sensitivity = v;
      return;
    }
    const [group, name] = path.split('.');
    const target = group === 'emg' ? emg : group === 'accel' ? accel : group === 'summary' ? summary : null;
    if (!target || name === undefined || !(name in target)) throw new Error(`unknown parameter ${path}`);
    (target as Record<string, number>)[name] = v;
    explicit.add(path);
  };
  for (const [key, v] of Object.entries(overrides)) {
    if ((key === 'emg' || key === 'accel' || key === 'summary') && v && typeof v === 'object') {
      for (const [name, inner] of Object.entries(v as Record<string, unknown>)) set(`${key}.${name}`, inner);
    } else set(key, v);
  }
  const scale = sensitivityScale(sensitivity);
  for (const [group, values] of [['emg', emg], ['accel', accel]] as const) {
    if (!explicit.has(`${group}.twitchK`)) values.twitchK *= scale;
    if (!explicit.has(`${group}.minSnr`)) values.minSnr *= scale;
  }
  return { sensitivity, emg, accel, summary };
}

/** The parameter set as stored in the analysis JSON: values plus the source of each default. */
export function describeParams(p: DetectionParams): Record<string, unknown> {
  const sources: Record<string, string> = { sensitivity: SENSITIVITY_DEFAULT.source };
  for (const [k, v] of Object.entries(EMG_DEFAULTS)) sources[`emg.${k}`] = `${v.source} [${v.value}${v.unit ? ` ${v.unit}` : ''}]`;
  for (const [k, v] of Object.entries(ACCEL_DEFAULTS)) sources[`accel.${k}`] = `${v.source} [${v.value}${v.unit ? ` ${v.unit}` : ''}]`;
  for (const [k, v] of Object.entries(SUMMARY_DEFAULTS)) sources[`summary.${k}`] = `${v.source} [${v.value}${v.unit ? ` ${v.unit}` : ''}]`;
  return { sensitivity: p.sensitivity, emg: { ...p.emg }, accel: { ...p.accel }, summary: { ...p.summary }, sources };
}
