#!/usr/bin/env python3
"""Writes fuzz/json.dict, the libFuzzer dictionary of the JSON targets, from the questionnaire.

    cargo run -p intake-cli -- questions --json | python3 fuzz/json-dict.py > fuzz/json.dict
"""

import json
import sys

KEYS = """schema_version answers groups value dont_know not_applicable note name start end days
draft_schema_version id created_at updated_at pending typed
bundle_schema_version app_version ruleset_version ruleset_sha256 files findings rule title
severity kind message review_schema_version bundle_manifest_sha256 reviewer reviewed_at triage
added verdict reason occurrence evidence remediation
mon tue wed thu fri sat sun confirmed dismissed follow_up
critical high medium low info issue needs_verification""".split()
LITERALS = ["true", "false", "null", "{}", "[]", '": ', '", "', "\\u0000", "1e308", "-0",
            "9223372036854775807", "18446744073709551616", "0.5"]


def ids(node, out):
    """Every question, group and choice id, and the last part of dotted ones."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "id" and isinstance(value, str):
                out.add(value)
                out.add(value.rsplit(".", 1)[-1])
            ids(value, out)
    elif isinstance(node, list):
        for value in node:
            ids(value, out)


def entry(token):
    return '"' + token.replace("\\", "\\\\").replace('"', '\\"') + '"'


tokens = set(KEYS)
ids(json.load(sys.stdin), tokens)
print("# Tokens of answers files, drafts and bundle JSON: keys, question, group and choice ids,")
print("# weekdays, verdicts and severities. Made by fuzz/json-dict.py (docs/fuzzing.md).")
for token in sorted(tokens):
    print(entry('"' + token + '"'))
for literal in LITERALS:
    print(entry(literal))
