#!/usr/bin/env python3
"""Finds the torch- findings whose confirmation note is missing or negative.

Every finding carries a note with its outcome on sample data (torchlint
--confirm, on by default): "confirmed on sample data ..." when the bundled
kernel reproduces it, "unconfirmed on ..." when it does not. The test runners
(check_torchlint.py, evaluate_corpus.py) fail on any finding of the second
kind or without a note, so that the test suite fails on any finding the kernel
does not confirm.

As a script, reads torchlint's or clang-tidy's output on stdin and exits 1
when a finding is not confirmed.
"""

import re
import sys

WARNING = re.compile(r"^(?P<where>\S+:\d+:\d+): warning: .* \[(?P<check>torch-[a-z-]+)\]$")
NOTE = re.compile(r"^\S+:\d+:\d+: note: (?P<text>.*)$")
OTHER = re.compile(r"^\S+:\d+:\d+: (warning|error): ")


def unconfirmed_findings(output):
    """The findings of `output` without a "confirmed on" note, or with an
    "unconfirmed" one, as "file:line:col [check]: reason" strings."""
    problems = []
    finding = None

    def close():
        if finding and not finding["confirmed"] and not finding["reason"]:
            finding["reason"] = "no confirmation note"
        if finding and finding["reason"]:
            problems.append("%s [%s]: %s" % (finding["where"], finding["check"],
                                             finding["reason"]))

    for line in output.splitlines():
        warning = WARNING.match(line)
        if warning or OTHER.match(line):
            close()
            finding = None
            if warning:
                finding = {"where": warning.group("where"),
                           "check": warning.group("check"),
                           "confirmed": False, "reason": None}
            continue
        note = NOTE.match(line)
        if note and finding:
            text = note.group("text")
            if text.startswith("unconfirmed"):
                finding["reason"] = text
            elif text.startswith("confirmed on "):
                finding["confirmed"] = True
    close()
    return problems


def main():
    problems = unconfirmed_findings(sys.stdin.read())
    for problem in problems:
        print("not confirmed: " + problem)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
