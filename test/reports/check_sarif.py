#!/usr/bin/env python3
"""Validates a SARIF log of torchlint and prints what it says, for FileCheck.

Usage: check_sarif.py <sarif-schema-2.1.0.json> <log.sarif>

1. Validates the log against the SARIF 2.1.0 JSON schema (schema/, vendored
   from the OASIS repository) with python3-jsonschema.
2. Checks what GitHub code scanning relies on beyond the schema: one run; a
   driver with name, version and an absolute informationUri; a rule per
   check with id, short and full descriptions, help text and markdown, and a
   default level; every result naming a rule of the driver (ruleIndex
   agreeing), with a level, a message and a location whose URI is relative
   to %SRCROOT%.
3. Prints one line per rule, result, related location and fix, so that the
   test can check their content.

Exits 1 with the problems listed if the log is invalid.
"""

import json
import sys
import urllib.parse

import jsonschema


def fail(problems):
    for p in problems:
        print("invalid SARIF: " + p)
    sys.exit(1)


def where(loc):
    art = loc["artifactLocation"]
    uri = art["uri"]
    if "uriBaseId" in art:
        uri = "%" + art["uriBaseId"] + "%/" + uri
    region = loc.get("region", {})
    text = uri
    if "startLine" in region:
        text += ":%d:%d" % (region["startLine"], region.get("startColumn", 0))
    if "endLine" in region:
        text += "-%d:%d" % (region["endLine"], region.get("endColumn", 0))
    return text


def check_relative(uri, what, problems):
    parsed = urllib.parse.urlparse(uri)
    if parsed.scheme or uri.startswith("/") or " " in uri:
        problems.append("%s: %r is not a relative URI reference" % (what, uri))


def main():
    schema_path, log_path = sys.argv[1:3]
    with open(schema_path) as f:
        schema = json.load(f)
    with open(log_path) as f:
        log = json.load(f)

    validator = jsonschema.Draft4Validator(
        schema, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    if errors:
        fail(["%s: %s" % ("/".join(str(p) for p in e.path), e.message)
              for e in errors])
    print("schema: valid SARIF %s" % log["version"])

    problems = []
    if len(log["runs"]) != 1:
        problems.append("%d runs, expected 1" % len(log["runs"]))
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    for key in ("name", "version", "informationUri", "rules"):
        if key not in driver:
            problems.append("tool.driver has no " + key)
    if not urllib.parse.urlparse(driver.get("informationUri", "")).scheme:
        problems.append("informationUri is not absolute")
    srcroot = run.get("originalUriBaseIds", {}).get("SRCROOT", {}).get("uri", "")
    if not (srcroot.startswith("file:///") and srcroot.endswith("/")):
        problems.append("originalUriBaseIds.SRCROOT %r is not a file:/// "
                        "directory URI" % srcroot)
    print("driver: %s %s" % (driver.get("name"), driver.get("version")))

    rules = driver.get("rules", [])
    ids = [r["id"] for r in rules]
    if len(set(ids)) != len(ids):
        problems.append("rule ids repeat")
    for r in rules:
        for key in ("shortDescription", "fullDescription", "help"):
            if not r.get(key, {}).get("text"):
                problems.append("rule %s has no %s" % (r["id"], key))
        if not r.get("help", {}).get("markdown", "").startswith("# " + r["id"]):
            problems.append("rule %s: help.markdown is not its docs page" %
                            r["id"])
        if r.get("defaultConfiguration", {}).get("level") not in (
                "note", "warning", "error"):
            problems.append("rule %s has no default level" % r["id"])
        print("rule: %s: %s" % (r["id"], r["shortDescription"]["text"]))

    for res in run.get("results", []):
        rule = res.get("ruleId")
        if rule not in ids:
            problems.append("result of unknown rule %r" % rule)
        elif res.get("ruleIndex") != ids.index(rule):
            problems.append("result of %s: ruleIndex %r, expected %d" %
                            (rule, res.get("ruleIndex"), ids.index(rule)))
        if res.get("level") not in ("note", "warning", "error"):
            problems.append("result of %s has no level" % rule)
        locations = res.get("locations", [])
        if len(locations) != 1:
            problems.append("result of %s has %d locations" %
                            (rule, len(locations)))
            continue
        loc = locations[0]["physicalLocation"]
        art = loc["artifactLocation"]
        if art.get("uriBaseId") != "SRCROOT":
            problems.append("result of %s: location not relative to SRCROOT" %
                            rule)
        check_relative(art["uri"], "result of " + rule, problems)
        confirmation = res.get("properties", {}).get("confirmation")
        print("result: %s %s %s: %s%s" % (
            res["level"], rule, where(loc), res["message"]["text"],
            "" if confirmation is None else
            " (confirmed: %s)" % str(confirmation["confirmed"]).lower()))
        for related in res.get("relatedLocations", []):
            text = related["message"]["text"]
            if "physicalLocation" in related:
                print("  related: %s: %s" % (where(related["physicalLocation"]),
                                             text))
            else:
                print("  related: %s" % text)
        for fix in res.get("fixes", []):
            for change in fix["artifactChanges"]:
                check_relative(change["artifactLocation"]["uri"],
                               "fix of " + rule, problems)
                for rep in change["replacements"]:
                    print("  fix: %s -> %r" % (
                        where({"artifactLocation": change["artifactLocation"],
                               "region": rep["deletedRegion"]}),
                        rep.get("insertedContent", {}).get("text", "")))

    for inv in run.get("invocations", []):
        print("invocation: executionSuccessful=%s" %
              str(inv["executionSuccessful"]).lower())
        for n in inv.get("toolExecutionNotifications", []):
            locs = n.get("locations", [])
            print("  notification: %s %s: %s" % (
                n.get("level"),
                where(locs[0]["physicalLocation"]) if locs else "-",
                n["message"]["text"]))
    if problems:
        fail(problems)


if __name__ == "__main__":
    main()
