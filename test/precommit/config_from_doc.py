#!/usr/bin/env python3
"""Prints docs/pre-commit.md's .pre-commit-config.yaml snippet for a hook,
pointed at this source tree.

Usage: config_from_doc.py <page.md> <hook id> <source root> <scratch dir>

The snippet is the page's ```yaml block whose only hook is <hook id>, as a
user copies it; only the values of `repo:` and `rev:` are replaced. They name
the source tree and its HEAD when the tree is a git checkout whose committed
hook files are those of the working tree (a clean clone, as in CI);
otherwise (files changed but not committed, or no git checkout) a git
repository made in <scratch dir> from the working tree's hook files and
their commit.
"""

import os
import re
import shutil
import subprocess
import sys

HOOK_FILES = [".pre-commit-hooks.yaml", "tool/torchlint-pre-commit"]


def git(cwd, *args):
    return subprocess.run(["git", "-C", cwd] + list(args), check=True,
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                          text=True).stdout.strip()


def committed_tree(root):
    """(root, HEAD) if the hook files at HEAD are the working tree's."""
    try:
        if os.path.realpath(git(root, "rev-parse", "--show-toplevel")) != \
                os.path.realpath(root):
            return None
        git(root, "ls-files", "--error-unmatch", *HOOK_FILES)
        git(root, "diff", "--quiet", "HEAD", "--", *HOOK_FILES)
        return root, git(root, "rev-parse", "HEAD")
    except (subprocess.CalledProcessError, OSError):
        return None


def scratch_repository(root, scratch):
    if os.path.exists(scratch):
        shutil.rmtree(scratch)
    for name in HOOK_FILES:
        os.makedirs(os.path.dirname(os.path.join(scratch, name)), exist_ok=True)
        shutil.copy2(os.path.join(root, name), os.path.join(scratch, name))
    git(scratch, "init", "-q", ".")
    git(scratch, "add", *HOOK_FILES)
    git(scratch, "-c", "user.name=torchlint test", "-c",
        "user.email=test@torchlint.invalid", "commit", "-q", "-m", "hooks")
    return scratch, git(scratch, "rev-parse", "HEAD")


def snippet(page, hook):
    with open(page) as f:
        text = f.read()
    for block in re.findall(r"^```yaml\n(.*?)^```", text, re.M | re.S):
        if re.findall(r"^\s*- id: (\S+)", block, re.M) == [hook] and \
                re.search(r"^\s*- repo:", block, re.M):
            return block
    sys.exit("%s: no .pre-commit-config.yaml snippet with hook %r" % (page, hook))


def main():
    page, hook, root, scratch = sys.argv[1:5]
    repo, rev = committed_tree(root) or scratch_repository(root, scratch)
    block = snippet(page, hook)
    block, repos = re.subn(r"^(\s*- repo:\s*)\S+", lambda m: m.group(1) + repo,
                           block, flags=re.M)
    block, revs = re.subn(r"^(\s*rev:\s*)\S+", lambda m: m.group(1) + rev,
                          block, flags=re.M)
    if repos != 1 or revs != 1:
        sys.exit("%s: the %r snippet needs one repo: and one rev:" % (page, hook))
    sys.stdout.write(block)


if __name__ == "__main__":
    main()
