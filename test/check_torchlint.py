#!/usr/bin/env python3
"""Runs a torch- check on a test file and verifies its diagnostics.

In the spirit of clang-tidy's check_clang_tidy.py: the expectations sit in the
test file beside the code (CHECK-MESSAGES lines); they are blanked out of the
copy that is analyzed so that line numbers stay the same, the tool's output is
matched with FileCheck, and any warning or error not expected fails the test,
as does any finding without a "confirmed on sample data" note.

Usage:
  check_torchlint.py [--plugin PLUGIN --clang-tidy CLANG_TIDY]
      <source.cpp> <check-name> <temp-prefix> [-- <extra compiler flags>]

--plugin runs clang-tidy with the plugin instead of the torchlint CLI.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys

from confirmation_notes import unconfirmed_findings


def run(args, **kw):
    return subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          universal_newlines=True, **kw)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--plugin")
    parser.add_argument("--clang-tidy", default="clang-tidy-19")
    parser.add_argument("--prefix", default="CHECK-MESSAGES")
    parser.add_argument("source")
    parser.add_argument("check")
    parser.add_argument("temp")
    argv = sys.argv[1:]
    extra = []
    if "--" in argv:
        i = argv.index("--")
        argv, extra = argv[:i], argv[i + 1:]
    args = parser.parse_args(argv)

    with open(args.source) as f:
        text = f.read()
    if not re.search(r"//\s*%s:" % re.escape(args.prefix), text) and \
            not re.search(r"//\s*%s-NOT:" % re.escape(args.prefix), text):
        sys.exit("%s has no %s lines: the test could not fail" %
                 (args.source, args.prefix))
    # Keep the line numbers: blank the expectations, keep the lines.
    stripped = re.sub(r"//\s*CHECK-[A-Z0-9-]*:[^\r\n]*", "//", text)
    temp = args.temp + os.path.splitext(args.source)[1]
    os.makedirs(os.path.dirname(os.path.abspath(temp)), exist_ok=True)
    with open(temp, "w") as f:
        f.write(stripped)
    # Headers next to the test (Inputs/) stay reachable.
    include = "-I" + os.path.join(os.path.dirname(os.path.abspath(args.source)),
                                  "Inputs")

    if args.plugin:
        tool = [args.clang_tidy, "--load", args.plugin,
                "--checks=-*," + args.check, "--header-filter=.*", temp, "--",
                include] + extra
    else:
        tool = ["torchlint", "--checks=" + args.check, temp, "--",
                include] + extra
    result = run(tool)
    output = result.stdout
    # torchlint exits 1 when it reports findings, 0 when it reports none.
    expected_findings = re.search(r"//\s*%s:.*warning:" % re.escape(args.prefix), text)
    if not args.plugin:
        wanted = 1 if expected_findings else 0
        if result.returncode != wanted:
            sys.stdout.write(output)
            sys.exit("torchlint exited with %d, expected %d" %
                     (result.returncode, wanted))
    elif result.returncode != 0:
        sys.stdout.write(output)
        sys.exit("clang-tidy exited with %d" % result.returncode)

    # Every finding must be confirmed on sample data by the bundled kernel.
    unconfirmed = unconfirmed_findings(output)
    if unconfirmed:
        sys.stdout.write(output)
        sys.exit("findings the kernel does not confirm:\n  " +
                 "\n  ".join(unconfirmed))

    filecheck = shutil.which("FileCheck")
    check = run([filecheck, "-input-file=-", args.source,
                 "-check-prefix=" + args.prefix,
                 "-implicit-check-not={{warning|error}}:"],
                input=output.replace(temp, args.source))
    if check.returncode != 0:
        sys.stdout.write("------ tool output ------\n" + output)
        sys.stdout.write("------ FileCheck ------\n" + check.stdout)
        sys.exit("FileCheck failed")


if __name__ == "__main__":
    main()
