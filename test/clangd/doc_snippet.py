#!/usr/bin/env python3
"""Prints the fenced code block of a Markdown page whose first line is
<first line>, with the documented path of torchlint-clangd replaced by the
one given.

Usage: doc_snippet.py <page.md> <first line> [<torchlint-clangd>]

The docs' snippets are what users copy: the tests use them from the page
itself, so that the page cannot drift from what works.
"""

import sys

DOCUMENTED_PATH = "/path/to/torchlint/build/bin/torchlint-clangd"


def main():
    page, first = sys.argv[1], sys.argv[2]
    with open(page) as f:
        lines = f.read().splitlines()
    for i, line in enumerate(lines):
        if line.startswith("```") and i + 1 < len(lines) and lines[i + 1] == first:
            break
    else:
        sys.exit("%s: no code block starting with %r" % (page, first))
    end = next(j for j in range(i + 1, len(lines)) if lines[j].startswith("```"))
    text = "\n".join(lines[i + 1:end]) + "\n"
    if len(sys.argv) > 3:
        if DOCUMENTED_PATH not in text:
            sys.exit("%s: the block %r does not name %s" % (page, first, DOCUMENTED_PATH))
        text = text.replace(DOCUMENTED_PATH, sys.argv[3])
    sys.stdout.write(text)


if __name__ == "__main__":
    main()
