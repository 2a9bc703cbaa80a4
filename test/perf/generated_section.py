"""Tables and the generated section of a page in docs/, shared by the
benchmarks.

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


def render_text(header, rows):
    """A table for the terminal, in aligned columns."""
    widths = [max(len(h), *(len(row[i]) for row in rows)) for i, h in enumerate(header)]
    out = ["  ".join(h.ljust(w) for h, w in zip(header, widths)),
           "  ".join("-" * w for w in widths)]
    for row in rows:
        out.append("  ".join(c.ljust(w) for c, w in zip(row, widths)))
    return "\n".join(out)


def render_markdown_table(header, rows, text_columns=(0,)):
    """A markdown table; the columns not in text_columns are right-aligned."""
    out = ["| " + " | ".join(header) + " |",
           "|" + "|".join("---" if i in text_columns else "---:"
                          for i in range(len(header))) + "|"]
    for row in rows:
        out.append("| " + " | ".join(row) + " |")
    return out
