// PLAN.* as Excel custom functions: one JSDoc-annotated wrapper per entry of the function table
// (src/core/functions/functions.ts), each a one-liner into the Excel adapter, which calls the one runner.
//
// custom-functions-metadata-plugin reads these comments at build time to write functions.json and appends the
// CustomFunctions.associate("ID", fn) calls to this module; scripts/addin-build.ts derives the zh-CN metadata
// from that file and the table's Chinese names. Every parameter is of type any: Excel then passes a blank cell as
// null (not 0), and the runner does all coercion. The descriptions must equal the table's English ones
// (test/functions/metadata.test.ts checks it).
//
// Ranges as arguments: the functions that return one value declare every parameter {any[][]} and their
// result as a matrix (dimensionality "matrix"). Excel then passes a range whole, as rows of values (a single
// value as [[x]]), and shows the returned grid as a spilled range in Excel 365/2021: =PLAN.TARGET("益阳",
// B5:B20,2025) fills 16 rows. A call with single values returns [[value]], one cell. Excel without dynamic
// arrays (2016/2019 perpetual) shows the first element only, unless the formula is entered over the target
// cells as an array formula (Ctrl+Shift+Enter). core/lift.ts does the lifting, the same for every face.
/* eslint-disable @typescript-eslint/no-explicit-any -- Excel hands over untyped cell values; the runner coerces them. */
import { callExcel, callExcelLifted } from "./excel";

/**
 * Target value of a plan indicator, in the plan's unit.
 * @customfunction TARGET
 * @param {any[][]} region Region, sub-area or institution, e.g. 益阳, 中山市, 翠亨新区.
 * @param {any[][]} indicator Indicator name or a report row label, e.g. 高新技术企业, 1.R&D经费投入强度(%).
 * @param {any[][]} [year] Target year; omitted: the latest plan's target.
 * @param {any[][]} [unit] Convert to this unit (元/万元/亿元, 人/万人); omitted: the plan's own unit.
 * @returns {number[][]} The target value.
 */
export function target(region: any[][], indicator: any[][], year?: any[][], unit?: any[][]) {
  return callExcelLifted("TARGET", [region, indicator, year, unit]);
}

/**
 * Baseline (or a historical figure for that year) of a plan indicator.
 * @customfunction BASELINE
 * @param {any[][]} region Region, sub-area or institution, e.g. 益阳, 中山市, 翠亨新区.
 * @param {any[][]} indicator Indicator name or a report row label, e.g. 高新技术企业, 1.R&D经费投入强度(%).
 * @param {any[][]} [year] Target year; omitted: the latest plan's target.
 * @param {any[][]} [unit] Convert to this unit (元/万元/亿元, 人/万人); omitted: the plan's own unit.
 * @returns {number[][]} The baseline value.
 */
export function baseline(region: any[][], indicator: any[][], year?: any[][], unit?: any[][]) {
  return callExcelLifted("BASELINE", [region, indicator, year, unit]);
}

/**
 * A field of a target: 单位, 基期年, 基期值, 目标年, 类型, 比较, 原文, 出处, 规划, 主体, 指标.
 * @customfunction INFO
 * @param {any[][]} region Region, sub-area or institution, e.g. 益阳, 中山市, 翠亨新区.
 * @param {any[][]} indicator Indicator name or a report row label, e.g. 高新技术企业, 1.R&D经费投入强度(%).
 * @param {any[][]} year Target year; omitted: the latest plan's target.
 * @param {any[][]} field unit, base_year, baseline, target_year, kind, comparison, quote, source, plan, entity (or in Chinese).
 * @returns {any[][]} The field's value.
 */
export function info(region: any[][], indicator: any[][], year: any[][], field: any[][]) {
  return callExcelLifted("INFO", [region, indicator, year, field]);
}

/**
 * Expected value by the assessment year on the path from baseline to target.
 * @customfunction EXPECTED
 * @param {any[][]} region Region, sub-area or institution, e.g. 益阳, 中山市, 翠亨新区.
 * @param {any[][]} indicator Indicator name or a report row label, e.g. 高新技术企业, 1.R&D经费投入强度(%).
 * @param {any[][]} year Target year; omitted: the latest plan's target.
 * @param {any[][]} asOfYear Assessment year (the year of the actual).
 * @returns {number[][]} The expected value.
 */
export function expected(region: any[][], indicator: any[][], year: any[][], asOfYear: any[][]) {
  return callExcelLifted("EXPECTED", [region, indicator, year, asOfYear]);
}

/**
 * Completion (完成进度) as a fraction: (A − B)/(V − B); for a growth-rate target A/V.
 * @customfunction PROGRESS
 * @param {any[][]} region Region, sub-area or institution, e.g. 益阳, 中山市, 翠亨新区.
 * @param {any[][]} indicator Indicator name or a report row label, e.g. 高新技术企业, 1.R&D经费投入强度(%).
 * @param {any[][]} year Target year; omitted: the latest plan's target.
 * @param {any[][]} actual Actual value in the plan's unit (for a growth-rate target: the achieved average annual rate).
 * @param {any[][]} asOfYear Assessment year (the year of the actual).
 * @returns {any[][]} The completion, shown as a percentage where Excel supports it.
 */
export function progress(
  region: any[][],
  indicator: any[][],
  year: any[][],
  actual: any[][],
  asOfYear: any[][],
) {
  return callExcelLifted("PROGRESS", [region, indicator, year, actual, asOfYear]);
}

/**
 * 差额: actual minus expected value (sign flipped when lower is better).
 * @customfunction VARIANCE
 * @param {any[][]} region Region, sub-area or institution, e.g. 益阳, 中山市, 翠亨新区.
 * @param {any[][]} indicator Indicator name or a report row label, e.g. 高新技术企业, 1.R&D经费投入强度(%).
 * @param {any[][]} year Target year; omitted: the latest plan's target.
 * @param {any[][]} actual Actual value in the plan's unit (for a growth-rate target: the achieved average annual rate).
 * @param {any[][]} asOfYear Assessment year (the year of the actual).
 * @returns {number[][]} The variance.
 */
export function variance(
  region: any[][],
  indicator: any[][],
  year: any[][],
  actual: any[][],
  asOfYear: any[][],
) {
  return callExcelLifted("VARIANCE", [region, indicator, year, actual, asOfYear]);
}

/**
 * Status label: 已完成, 快于预期, 符合预期, 进度滞后, 严重滞后, 逆向变化, 尚未实现, 未完成 or 无法评估.
 * @customfunction STATUS
 * @param {any[][]} region Region, sub-area or institution, e.g. 益阳, 中山市, 翠亨新区.
 * @param {any[][]} indicator Indicator name or a report row label, e.g. 高新技术企业, 1.R&D经费投入强度(%).
 * @param {any[][]} year Target year; omitted: the latest plan's target.
 * @param {any[][]} actual Actual value in the plan's unit (for a growth-rate target: the achieved average annual rate).
 * @param {any[][]} asOfYear Assessment year (the year of the actual).
 * @returns {string[][]} The status label.
 */
export function status(
  region: any[][],
  indicator: any[][],
  year: any[][],
  actual: any[][],
  asOfYear: any[][],
) {
  return callExcelLifted("STATUS", [region, indicator, year, actual, asOfYear]);
}

/**
 * What the target still needs each year, in its own terms: the growth rate (V/A)^(1/(T − t)) − 1; for a share the percentage points (V − A)/(T − t); for a cumulative target the amount (V − A)/(T − t); for a growth-rate target the rate the remaining years need.
 * @customfunction REQUIRED_RATE
 * @param {any[][]} region Region, sub-area or institution, e.g. 益阳, 中山市, 翠亨新区.
 * @param {any[][]} indicator Indicator name or a report row label, e.g. 高新技术企业, 1.R&D经费投入强度(%).
 * @param {any[][]} year Target year; omitted: the latest plan's target.
 * @param {any[][]} actual Actual value in the plan's unit (for a growth-rate target: the achieved average annual rate).
 * @param {any[][]} asOfYear Assessment year (the year of the actual).
 * @returns {any[][]} The rate (shown as a percentage), points a year or amount a year still needed, in the target's number format where Excel supports it.
 */
export function requiredRate(
  region: any[][],
  indicator: any[][],
  year: any[][],
  actual: any[][],
  asOfYear: any[][],
) {
  return callExcelLifted("REQUIRED_RATE", [region, indicator, year, actual, asOfYear]);
}

/**
 * Value projected for the target year at the pace so far: linear A + (A − B)/(t − t0)·(T − t); geometric for money values and multiples; a growth rate: the achieved rate.
 * @customfunction FORECAST
 * @param {any[][]} region Region, sub-area or institution, e.g. 益阳, 中山市, 翠亨新区.
 * @param {any[][]} indicator Indicator name or a report row label, e.g. 高新技术企业, 1.R&D经费投入强度(%).
 * @param {any[][]} year Target year; omitted: the latest plan's target.
 * @param {any[][]} actual Actual value in the plan's unit (for a growth-rate target: the achieved average annual rate).
 * @param {any[][]} asOfYear Assessment year (the year of the actual).
 * @returns {number[][]} The forecast for the target year.
 */
export function forecast(
  region: any[][],
  indicator: any[][],
  year: any[][],
  actual: any[][],
  asOfYear: any[][],
) {
  return callExcelLifted("FORECAST", [region, indicator, year, actual, asOfYear]);
}

/**
 * Outlook (趋势判断): 预计可完成, 预计难以完成, 已完成 or 无法评估, from the forecast.
 * @customfunction OUTLOOK
 * @param {any[][]} region Region, sub-area or institution, e.g. 益阳, 中山市, 翠亨新区.
 * @param {any[][]} indicator Indicator name or a report row label, e.g. 高新技术企业, 1.R&D经费投入强度(%).
 * @param {any[][]} year Target year; omitted: the latest plan's target.
 * @param {any[][]} actual Actual value in the plan's unit (for a growth-rate target: the achieved average annual rate).
 * @param {any[][]} asOfYear Assessment year (the year of the actual).
 * @returns {string[][]} The outlook label.
 */
export function outlook(
  region: any[][],
  indicator: any[][],
  year: any[][],
  actual: any[][],
  asOfYear: any[][],
) {
  return callExcelLifted("OUTLOOK", [region, indicator, year, actual, asOfYear]);
}

/**
 * All targets of a region (with a header row), optionally for one year.
 * @customfunction LIST
 * @param {any} region Region, sub-area or institution, e.g. 益阳, 中山市, 翠亨新区.
 * @param {any} [year] Target year; omitted: the latest plan's target.
 * @returns {any[][]} A table with a header row; it spills.
 */
export function list(region: any, year?: any) {
  return callExcel("LIST", [region, year]);
}

/**
 * Search indicators across all plans (简/繁, aliases); a table with a header row.
 * @customfunction SEARCH
 * @param {any} text Words to search for, e.g. 研发, 高企.
 * @param {any} [region] Region, sub-area or institution, e.g. 益阳, 中山市, 翠亨新区.
 * @returns {any[][]} A table with a header row; it spills.
 */
export function search(text: any, region?: any) {
  return callExcel("SEARCH", [text, region]);
}
