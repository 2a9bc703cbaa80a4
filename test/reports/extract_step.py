#!/usr/bin/env python3
"""Prints the `run: |` script of a named step of a workflow in a Markdown page.

Usage: extract_step.py <page.md> <step name>

The docs' copy-paste snippets are what users run: the tests run them from
the page itself, so that the page cannot drift from what works.
"""

import sys
import textwrap


def main():
    page, name = sys.argv[1], sys.argv[2]
    with open(page) as f:
        lines = f.read().splitlines()
    for i, line in enumerate(lines):
        if line.strip() == "- name: " + name:
            break
    else:
        sys.exit("%s: no step named %r" % (page, name))
    run = next(j for j in range(i + 1, len(lines))
               if lines[j].strip() == "run: |")
    indent = len(lines[run]) - len(lines[run].lstrip())
    body = []
    for line in lines[run + 1:]:
        if line.strip() and len(line) - len(line.lstrip()) <= indent:
            break
        body.append(line)
    script = textwrap.dedent("\n".join(body)).strip()
    if not script:
        sys.exit("%s: the step %r runs nothing" % (page, name))
    print(script)


if __name__ == "__main__":
    main()
