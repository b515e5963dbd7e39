'use strict';
/**
 * What-If throughput workload: reads a synthesized benchmark stack once with the compiled
 * library's `WhatIf` (parse and resolve, timed separately), then evaluates a fixed-seed set
 * of random sign-ins against every policy, several passes, and reports policy evaluations
 * per second (sign-ins x policies / seconds) for each pass.
 *
 * Usage: node what-if.js --lib <compiled lib dir> --stack <cdk.tf.json> --policies <n>
 *          --sign-ins <count> --passes <count> --seed <int>
 * Prints one `BENCH_RESULT {...}` line. When the library has no usable `WhatIf` yet it
 * reports `{ available: false, error }` instead of crashing.
 */
const { performance } = require('perf_hooks');
const fs = require('fs');
const path = require('path');
const { args, report, signIns, tenant } = require('./scenario');

const opts = args(process.argv.slice(2));

/**
 * The `WhatIf` class of the compiled library: from the package entry point, else from `what-if/`.
 * @param {string} libDir the compiled library directory
 */
function loadWhatIf(libDir) {
  const problems = [];
  for (const entry of ['index.js', path.join('what-if', 'index.js'), path.join('what-if', 'what-if.js')]) {
    const file = path.join(libDir, entry);
    if (!fs.existsSync(file)) {
      problems.push(`${entry}: not built`);
      continue;
    }
    try {
      const mod = require(file);
      if (mod && typeof mod.WhatIf === 'function' && typeof mod.WhatIf.fromStackJson === 'function') {
        return { WhatIf: mod.WhatIf, entry };
      }
      problems.push(`${entry}: no WhatIf.fromStackJson export`);
    } catch (e) {
      problems.push(`${entry}: ${String(e && e.message).split('\n')[0]}`);
    }
  }
  return { error: problems.join('; ') };
}

const loaded = loadWhatIf(path.resolve(opts.lib));
if (!loaded.WhatIf) {
  report({ available: false, error: loaded.error });
  process.exit(0);
}

const policies = Number(opts.policies);
const count = Number(opts['sign-ins']);
const passes = Number(opts.passes);
const t = tenant(policies);
const requests = signIns(t, count, Number(opts.seed));
const text = fs.readFileSync(opts.stack, 'utf8');

let result;
try {
  const c0 = performance.now();
  const whatIf = loaded.WhatIf.fromStackJson(text);
  const compileMs = performance.now() - c0;

  // Warm-up (not timed): a tenth of the sign-ins, so the passes measure steady state.
  const first = whatIf.evaluate(requests[0]);
  const evaluatedPolicies = first.results.length;
  for (let i = 1; i < Math.ceil(count / 10); i++) whatIf.evaluate(requests[i]);

  const outcomes = { blocked: 0, requiresControls: 0, allowed: 0 };
  let applied = 0;
  const passRates = [];
  for (let pass = 0; pass < passes; pass++) {
    const s = process.hrtime.bigint();
    for (let i = 0; i < count; i++) {
      const r = whatIf.evaluate(requests[i]);
      if (pass === 0) {
        outcomes[r.outcome.access] = (outcomes[r.outcome.access] ?? 0) + 1;
        for (const p of r.results) if (p.policyApplies) applied++;
      }
    }
    const seconds = Number(process.hrtime.bigint() - s) / 1e9;
    passRates.push((count * evaluatedPolicies) / seconds);
  }
  result = {
    available: true,
    entry: loaded.entry,
    policies: evaluatedPolicies,
    signIns: count,
    compileMs,
    passRates,
    outcomes,
    appliedPerSignIn: applied / count,
    warnings: whatIf.warnings ? whatIf.warnings.length : 0,
  };
} catch (e) {
  result = { available: true, error: String(e && e.stack || e).split('\n').slice(0, 4).join(' | ') };
}
report(result);
