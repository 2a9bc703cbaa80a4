#!/usr/bin/env python3
"""Prints a JSON document one leaf a line, as `path = value`, for FileCheck.

Usage: flatten_json.py <file.json> [<prefix-to-strip>]

Objects keep their keys' order; the optional prefix is removed from string
values (the test's directory), so that the expectations hold anywhere.
"""

import json
import sys


def walk(value, path, strip):
    if isinstance(value, dict):
        if not value:
            print("%s = {}" % path)
        for key, child in value.items():
            walk(child, "%s.%s" % (path, key) if path else key, strip)
    elif isinstance(value, list):
        if not value:
            print("%s = []" % path)
        for i, child in enumerate(value):
            walk(child, "%s[%d]" % (path, i), strip)
    else:
        if isinstance(value, str) and strip:
            value = value.replace(strip, "")
        print("%s = %s" % (path, json.dumps(value, ensure_ascii=False)))


def main():
    with open(sys.argv[1]) as f:
        doc = json.load(f)
    walk(doc, "", sys.argv[2] if len(sys.argv) > 2 else "")


if __name__ == "__main__":
    main()
