'use strict';
/**
 * Gap analysis workload (issue 12): reads a synthesized stack with the compiled library's `WhatIf`
 * and runs the exhaustive gap analysis for "MFA for members and guests", timing the parse and the
 * analysis separately, and reports how many sign-in classes the analysis explored.
 *
 * Usage: node gaps.js --lib <compiled lib dir> --stack <cdk.tf.json> --report-only <true|false>
 *   --report-only true judges the report-only policies (as the recipes deploy them by default)
 * Prints one `BENCH_RESULT {...}` line.
 */
const { performance } = require('perf_hooks');
const path = require('path');
const { args, report } = require('./scenario');

const opts = args(process.argv.slice(2));
const lib = require(path.resolve(opts.lib));
const { WhatIf, GapRequirement, GapUsers } = lib;

const t0 = performance.now();
const w = WhatIf.fromFile(path.resolve(opts.stack));
const parsed = performance.now();
const result = w.findGaps({ require: GapRequirement.MFA, users: GapUsers.ALL, reportOnly: opts['report-only'] === 'true' });
const analysed = performance.now();
report({
  policies: w.policies.length,
  classes: result.classes,
  gaps: result.gaps.length,
  parseMs: parsed - t0,
  gapsMs: analysed - parsed,
  cpuMs: (process.cpuUsage().user + process.cpuUsage().system) / 1000,
  maxRssKb: process.resourceUsage().maxRSS,
});
