#!/usr/bin/env python3
"""Measures torchlint's precision and recall on the labeled corpus.

Each program of test/corpus/ carries the label that running it with real
LibTorch gave (see test/corpus/README.md). A finding counts as a true positive
when its check is the program's label and it sits on the labeled line (the
loss call; `LINE: include/x.h:12` when that call is in one of the program's
headers); any other finding is a false positive. Labels of checks that are
not enabled count neither way. Every finding must carry a note that the
bundled kernel confirms it on sample data (see confirmation_notes.py).

Usage: evaluate_corpus.py --torchlint PATH [--jobs N] [--min-precision P]
                          [--min-recall R] [corpus-dir]
Exit status 1 when a threshold is not met.
"""

import argparse
import concurrent.futures
import glob
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from confirmation_notes import unconfirmed_findings  # noqa: E402

FINDING = re.compile(r"^(?P<file>[^:\s]+):(?P<line>\d+):\d+: warning: .* \[(?P<check>torch-[a-z-]+)\]$")


def header(path):
    fields = {}
    with open(path) as f:
        for _ in range(3):
            m = re.match(r"//\s*(LABEL|LINE|RUNTIME):\s*(.*)", f.readline())
            if m:
                fields[m.group(1)] = m.group(2).strip()
    # LINE is a line of the program, or "include/x.h:12" (relative to the
    # corpus) when the loss call that fails is in one of its headers.
    where, _, line = fields["LINE"].rpartition(":")
    corpus = os.path.dirname(path)
    return fields["LABEL"], os.path.join(corpus, where) if where else path, int(line)


def enabled_checks(torchlint):
    out = subprocess.run([torchlint, "--help"], stdout=subprocess.PIPE,
                         universal_newlines=True).stdout
    return set(re.findall(r"^\s+(torch-[a-z-]+)\s", out, re.M))


def analyze(torchlint, corpus, path):
    result = subprocess.run(
        [torchlint, path, "--", "-std=c++17", "-I" + os.path.join(corpus, "include")],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, universal_newlines=True)
    findings = []
    for line in result.stdout.splitlines():
        m = FINDING.match(line)
        if m:
            findings.append((m.group("check"), m.group("file"), int(m.group("line"))))
    return result.returncode, findings, result.stdout


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--torchlint", required=True)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--min-precision", type=float, default=0.0)
    parser.add_argument("--min-recall", type=float, default=0.0)
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("corpus", nargs="?",
                        default=os.path.join(os.path.dirname(__file__), "..", "corpus"))
    args = parser.parse_args()

    checks = enabled_checks(args.torchlint)
    files = sorted(glob.glob(os.path.join(args.corpus, "[0-9]*.cpp")))
    tp = fp = fn = 0
    findings_total = 0
    unconfirmed = []
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        runs = pool.map(lambda p: (p, analyze(args.torchlint, args.corpus, p)), files)
        for path, (status, findings, output) in runs:
            name = os.path.basename(path)
            label, expected_file, line = header(path)
            if status not in (0, 1):
                print("%s: torchlint failed with status %d\n%s" % (name, status, output))
                fp += 1
                continue
            findings_total += len(findings)
            unconfirmed += ["%s: %s" % (name, u) for u in unconfirmed_findings(output)]
            hit = False
            for check, file, at in findings:
                if (check == label and at == line and not hit and
                        os.path.samefile(file, expected_file)):
                    hit = True
                    tp += 1
                else:
                    fp += 1
                    where = "" if os.path.samefile(file, path) else " of " + os.path.relpath(file, args.corpus)
                    print("%s: false positive %s at line %d%s (label %s)" % (name, check, at, where, label))
            if label in checks and not hit:
                fn += 1
                print("%s: missed %s at line %d" % (name, label, line))
            elif args.verbose:
                print("%s: ok (%s)" % (name, label))

    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    print("corpus: %d programs, %d true positives, %d false positives, %d missed"
          % (len(files), tp, fp, fn))
    print("precision %.3f, recall %.3f" % (precision, recall))
    # Every finding must be confirmed on sample data by the bundled kernel.
    for problem in unconfirmed:
        print("not confirmed: " + problem)
    print("%d findings, %d confirmed on sample data"
          % (findings_total, findings_total - len(unconfirmed)))
    ok = (precision >= args.min_precision and recall >= args.min_recall
          and not unconfirmed)
    print("%d passed, %d failed" % (1 if ok else 0, 0 if ok else 1))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
