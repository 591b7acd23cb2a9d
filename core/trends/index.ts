/** Twitching over weeks: rates by site over calendar time, comparisons in plain words, and their statistics. */
export { clopperPearson, rateRatio, type RateRatio } from '../stats/rate-ratio';
export { compareRates, TOO_FEW_TWITCHES, type RateComparison, type RateSample, type Verdict } from './compare-words';
export { calendarMs, dayLabel, DAY_MS } from './calendar';
export {
  filterByTags,
  placeInTime,
  sitesOf,
  rateSeries,
  sustainedSeries,
  spreadSeries,
  type TrendRecording,
  type DatedRecording,
  type RatePoint,
  type SustainedPoint,
  type SpreadPoint,
  type SiteSeries,
  type TagFilter,
} from './series';
export { firstToLatest, recordingLabels, type SiteChange } from './first-last';
export { compareRecordings, recordingsWithSite } from './compare-entries';
export { leadingSite, siteLead, MIN_COMPARING_RECORDINGS, MIN_SPAN_DAYS, type LeadingSite, type SiteLead } from './leading-site';
