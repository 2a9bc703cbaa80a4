"""The generated section of a page in docs/, shared by the benchmarks.

A benchmark run with --markdown replaces the text between its two markers
and leaves the rest of the page as it is.
"""

import os


def write_markdown(path, section, begin, end, heading):
    """Replaces the section of `path` between `begin` and `end` (the markers
    that `section` starts and ends with), or writes `section` under
    `heading` if the file has no such section."""
    text = None
    if os.path.exists(path):
        with open(path) as f:
            text = f.read()
    if text and begin in text and end in text:
        before = text[:text.index(begin)]
        after = text[text.index(end) + len(end):]
        new = before + section.rstrip("\n") + after
    else:
        new = "## " + heading + "\n\n" + section
    with open(path, "w") as f:
        f.write(new)
