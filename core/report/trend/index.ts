export { buildTrendReportHtml, type TrendReportInput } from './trend-report';
