#!/usr/bin/env python3
"""The security-info baseline and the Secure-foundation templates, from Python.

The same two stacks as the TypeScript example app (examples/stacks.ts: SecurityInfoBaselineStack
and TemplatesSecureFoundationStack), written with the Python package. scripts/python-check.sh
synthesizes this app and checks that every resource equals the TypeScript app's.

Run:  pip install -r requirements.txt cdktf-entra-conditional-access
      python main.py            (or `cdktf synth` with this folder's cdktf.json)
"""
import os

from cdktf import App, TerraformStack
from cdktf_cdktf_provider_azuread.provider import AzureadProvider
from constructs import Construct

from cdktf_entra_conditional_access import (
    EmergencyAccessAccounts,
    Principal,
    RuleSuppressions,
    SecureSecurityInfoRegistration,
    TemplateBaseline,
    TemplateCategory,
)


def env_list(name: str, fallback: str) -> list:
    """A comma-separated environment variable (examples/tenant-config.ts reads the same ones)."""
    return [s.strip() for s in os.environ.get(name, fallback).split(",") if s.strip()]


# The tenant's values, with the same clearly fake defaults as examples/tenant-config.ts:
# all-zero GUIDs and documentation IP ranges (RFC 5737 / RFC 3849).
EMERGENCY_ACCESS_USER_IDS = env_list(
    "EMERGENCY_ACCESS_USER_IDS",
    "00000000-0000-0000-0000-00000000e001,00000000-0000-0000-0000-00000000e002",
)
EMERGENCY_ACCESS_GROUP_ID = os.environ.get("EMERGENCY_ACCESS_GROUP_ID", "00000000-0000-0000-0000-00000000e000")
TRUSTED_IP_RANGES = env_list("TRUSTED_IP_RANGES", "203.0.113.0/24,2001:db8:1234::/48")


def emergency_access() -> EmergencyAccessAccounts:
    """The break-glass accounts every policy excludes."""
    return EmergencyAccessAccounts(
        users=[Principal.from_object_id(u) for u in EMERGENCY_ACCESS_USER_IDS],
        groups=[Principal.from_object_id(EMERGENCY_ACCESS_GROUP_ID)],
    )


def suppress_example_findings(stack: TerraformStack) -> None:
    """The example suppressions every stack shares, with their reasons."""
    RuleSuppressions.of(stack).add(
        "CA8", "Example defaults are documentation ranges; set TRUSTED_IP_RANGES to the real egress ranges"
    )
    RuleSuppressions.of(stack).add(
        "CA2", "Report-only user-action policies are tested with the What-If scenarios in examples/scenarios"
    )


class SecurityInfoBaselineStack(TerraformStack):
    """The whole baseline in one construct: trusted location, member recipe, guest recipe."""

    def __init__(self, scope: Construct, id: str) -> None:
        super().__init__(scope, id)
        AzureadProvider(self, "azuread")
        self.baseline = SecureSecurityInfoRegistration(
            self,
            "Baseline",
            trusted_ip_ranges=TRUSTED_IP_RANGES,
            emergency_access=emergency_access(),
            display_name_prefix="CA100 - ",
        )
        suppress_example_findings(self)


class TemplatesSecureFoundationStack(TerraformStack):
    """Microsoft's Secure foundation templates in one construct."""

    def __init__(self, scope: Construct, id: str) -> None:
        super().__init__(scope, id)
        AzureadProvider(self, "azuread")
        self.baseline = TemplateBaseline(
            self,
            "SecureFoundation",
            categories=[TemplateCategory.SECURE_FOUNDATION],
            emergency_access=emergency_access(),
            # SECURING_SECURITY_INFO_REGISTRATION asks for MFA only outside "All trusted locations".
            trusted_ip_ranges=TRUSTED_IP_RANGES,
            display_name_prefix="CA200 - ",
        )
        suppress_example_findings(self)


app = App()
SecurityInfoBaselineStack(app, "security-info-baseline")
TemplatesSecureFoundationStack(app, "templates-secure-foundation")
app.synth()
