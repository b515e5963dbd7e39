#!/usr/bin/env python3
"""What-If from Python: the example scenarios against the stacks main.py synthesized.

Usage: python what_if.py OUTDIR STACK...

Reads ../scenarios/<STACK>.json (the scenarios `cdktf-entra-ca test` runs against the TypeScript examples),
evaluates each sign-in with WhatIf.from_outdir(OUTDIR, STACK).evaluate(...) and checks the expected access,
report-only access and per-policy analysisReasons, as the CLI does. Exit 1 on any mismatch.
"""
import json
import os
import sys

from cdktf_entra_conditional_access import WhatIf, WhatIfAccess

HERE = os.path.dirname(os.path.abspath(__file__))


def access(text):
    """A scenario's access string ('requiresControls') as the enum member (WhatIfAccess.REQUIRES_CONTROLS).

    jsii gives Python enums whose members are named, and valued, by the TypeScript member names.
    """
    return WhatIfAccess["".join(f"_{c}" if c.isupper() else c.upper() for c in text)]


def check(what_if, scenario):
    sign_in = dict(scenario["signIn"])
    if "directory" in scenario:  # the offline extension may sit beside the sign-in, as the CLI accepts
        sign_in["directory"] = scenario["directory"]
    report = what_if.evaluate(sign_in)
    expect = scenario.get("expect", {})
    mismatches = []
    for key, actual in (("access", report.outcome.access), ("reportOnlyAccess", report.outcome.report_only.access)):
        if key in expect and access(expect[key]) != actual:
            mismatches.append(f"{key}: expected {expect[key]}, got {actual.name}")
    for key, expected in expect.get("policies", {}).items():
        results = [r for r in report.results if r.address == key] or [r for r in report.results if r.display_name == key]
        if not results:
            mismatches.append(f'policies["{key}"]: no such policy in the report')
        for r in results:
            if r.analysis_reasons != expected:
                mismatches.append(f'policies["{key}"]: expected {expected}, got {r.analysis_reasons}')
    return report, mismatches


def main(argv):
    if len(argv) < 2:
        raise SystemExit(__doc__)
    outdir, stacks = argv[0], argv[1:]
    passed = failed = 0
    for stack in stacks:
        with open(os.path.join(HERE, "..", "scenarios", f"{stack}.json"), encoding="utf-8") as f:
            scenarios = json.load(f)["scenarios"]
        what_if = WhatIf.from_outdir(outdir, stack)
        for scenario in scenarios:
            report, mismatches = check(what_if, scenario)
            if mismatches:
                failed += 1
                print(f"{stack}: {scenario['name']}: FAILED")
                for m in mismatches:
                    print(f"  {m}")
                # A method whose last parameter is a struct takes the struct's fields as keyword arguments.
                print(WhatIf.format_report(outcome=report.outcome, results=report.results, warnings=report.warnings))
            else:
                passed += 1
    print(f"What-If from Python: {passed} scenarios as expected, {failed} not, over {', '.join(stacks)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
