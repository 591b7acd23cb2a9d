/**
 * Print CSS for the report: dense system sans-serif, greyscale-safe (marks and patterns carry meaning,
 * never colour alone), A4 and Letter both fit because the page size is left to the printer.
 */
export const REPORT_CSS = `
@page { size: auto; margin: 12mm 13mm 14mm; }
@page { @bottom-right { content: "page " counter(page) " of " counter(pages); font: 7.5pt system-ui, sans-serif; color: #555; } }
@page { @bottom-left { content: "TwitchScope describes signals; it does not diagnose."; font: 7.5pt system-ui, sans-serif; color: #555; } }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0 auto; max-width: 190mm; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif; font-size: 8.6pt; line-height: 1.32; color: #000; background: #fff; }
h1 { font-size: 14pt; margin: 0; }
h2 { font-size: 10pt; margin: 9pt 0 3pt; padding-bottom: 1.5pt; border-bottom: 0.8pt solid #000; break-after: avoid; }
h3 { font-size: 8.6pt; margin: 0 0 2pt; }
p { margin: 2pt 0; }
section { break-inside: auto; }
#checklist, #disclaimer { break-inside: avoid; }
figure { margin: 2pt 0; break-inside: avoid; }
svg { display: block; max-width: 100%; height: auto; font-family: inherit; }
svg text { fill: #000; }
.muted { color: #555; }
header .title-row { display: flex; justify-content: space-between; align-items: baseline; border-bottom: 1.6pt solid #000; padding-bottom: 2pt; }
header .generated { color: #444; font-size: 7.5pt; }
dl.facts { display: grid; grid-template-columns: 1fr 1fr; gap: 1pt 10pt; margin: 4pt 0 0; }
dl.facts div { display: flex; gap: 4pt; min-width: 0; }
dl.facts dt { color: #444; white-space: nowrap; }
dl.facts dt::after { content: ":"; }
dl.facts dd { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
ol.key { margin: 5pt 0 0; padding: 4pt 6pt 4pt 20pt; border: 0.8pt solid #000; font-size: 9.2pt; }
ol.key li { margin: 1pt 0; }
table { border-collapse: collapse; width: 100%; margin: 3pt 0; font-size: 8pt; break-inside: auto; }
th, td { text-align: left; padding: 1.2pt 4pt; border-bottom: 0.5pt solid #999; vertical-align: top; }
th { border-bottom: 0.9pt solid #000; font-weight: 600; }
tr { break-inside: avoid; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.snippets { display: grid; grid-template-columns: repeat(3, 1fr); gap: 4pt 8pt; }
.snippet figcaption { font-size: 7.5pt; line-height: 1.25; }
.two-col { display: grid; grid-template-columns: 1fr 1fr; gap: 0 14pt; }
ul.answers { list-style: none; margin: 0; padding: 0; }
ul.answers li > span:last-child { white-space: nowrap; }
ul.answers li { display: flex; justify-content: space-between; gap: 6pt; border-bottom: 0.5pt dotted #999; padding: 0.8pt 0; }
ul.answers li.flag { font-weight: 700; border-bottom: 0.9pt solid #000; }
ol.key li.flag { font-weight: 700; border: 1pt solid #000; padding: 1pt 3pt; margin: 2pt 0 2pt -3pt; list-style: none; }
ol.guidance { list-style: none; margin: 0; padding: 0; }
ol.guidance li.item { border-left: 2pt solid #999; padding: 1pt 0 1pt 6pt; margin: 0 0 4pt; break-inside: avoid; }
ol.guidance li.see-clinician { border-left: 4pt solid #000; }
ol.guidance li.attention { border-left: 3pt double #000; }
.item-head .level { display: inline-block; min-width: 82pt; font-size: 7.6pt; text-transform: uppercase; letter-spacing: 0.03em; }
.why { color: #222; font-size: 8pt; }
.why > span:first-child { font-weight: 600; }
.why .src { color: #555; font-style: italic; margin-left: 4pt; }
ul.limits, ul.methods { margin: 2pt 0; padding-left: 12pt; }
ol.refs { margin: 3pt 0; padding-left: 14pt; font-size: 7.4pt; color: #222; }
.disclaimer { margin-top: 8pt; padding: 5pt 7pt; border: 1.2pt solid #000; font-weight: 600; break-inside: avoid; }
@page tight { margin: 8mm 12mm 11mm; }
body.compact { page: tight; font-size: 8pt; line-height: 1.2; }
body.compact h2 { margin: 5pt 0 2pt; }
body.compact p, body.compact li { margin-top: 1pt; margin-bottom: 1pt; }
body.compact table { font-size: 7.4pt; }
body.compact th, body.compact td { padding: 0.6pt 3pt; }
body.compact ol.key { font-size: 8.6pt; padding: 3pt 5pt 3pt 18pt; }
body.compact ol.refs { font-size: 6.8pt; }
body.compact ol.guidance li.item { margin-bottom: 2pt; }
body.compact .why { font-size: 7.5pt; }
body.compact figure { margin: 0; }
body.compact .snippet figcaption { font-size: 7pt; }
body.compact .disclaimer { margin-top: 4pt; padding: 3pt 6pt; }
`;
