'use strict';
/**
 * Gap analysis and the report on one real policy set (issue 19): a folder of ../shared/corpus/graph
 * is converted with the compiled library's own Graph import (placeholders become its stable FILL_IN
 * ids) and judged as one tenant, as `cdktf-entra-ca gaps --require mfa --users all [--report-only]`
 * and `cdktf-entra-ca report` judge a stack.
 *
 * Usage: node corpus-gaps.js --lib <compiled lib dir> --set <folder> --mode <gaps|gaps-report-only|report>
 * Prints one `BENCH_RESULT {...}` line: the time of the import, of the analysis, and the whole
 * process's CPU time and peak RSS.
 */
const { performance } = require('perf_hooks');
const path = require('path');
const { args, report } = require('./scenario');

const t0 = performance.now();
const opts = args(process.argv.slice(2));
const libDir = path.resolve(opts.lib);
const { GraphImport, WhatIf, GapRequirement, GapUsers } = require(libDir);
const imported = GraphImport.fromFiles([path.resolve(opts.set)]);
const model = imported.model;
const parsed = performance.now();
let result;
if (opts.mode === 'report') {
  const { buildReport, renderHtml } = require(path.join(libDir, 'report', 'report.js'));
  const data = buildReport(model);
  renderHtml(data);
  result = { gaps: data.gaps.gaps.length, complete: data.gaps.complete && data.matrix.complete };
} else {
  const gaps = WhatIf.fromModel(model).findGaps({ require: GapRequirement.MFA, users: GapUsers.ALL, reportOnly: opts.mode === 'gaps-report-only' });
  result = { gaps: gaps.gaps.length, onPurpose: gaps.excludedOnPurpose.length, classes: gaps.classes, complete: gaps.complete };
}
const done = performance.now();
report({
  policies: model.policies.length,
  ...result,
  importMs: parsed - t0,
  analysisMs: done - parsed,
  totalMs: done - t0,
  cpuMs: (process.cpuUsage().user + process.cpuUsage().system) / 1000,
  maxRssKb: process.resourceUsage().maxRSS,
});
