#!/usr/bin/env python3
"""An editor's session with torchlint-clangd, over stdio.

Usage: lsp_session.py <torchlint-clangd> <project dir> <file>

initialize; didOpen of <file>; its diagnostics; while a torch- finding is
reported, textDocument/codeAction, the quick fix applied by a full-text
didChange, and the diagnostics of the new version; shutdown and exit.
Prints what the editor would show, for FileCheck, and fails on any protocol
violation. The fixed text is written to <file>.fixed.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lsp import LspError, apply_edits, fail, start_session  # noqa: E402

TIMEOUT = 300  # the preamble of <torch/torch.h> takes 15-25 s alone


def show(version, diagnostics):
    print("version %d: %d diagnostics" % (version, len(diagnostics)))
    severity = {1: "error", 2: "warning", 3: "information", 4: "hint"}
    for d in sorted(diagnostics, key=lambda d: (d["range"]["start"]["line"], str(d.get("code")))):
        start = d["range"]["start"]
        print("diagnostic: %d:%d %s %s [%s]: %s" % (
            start["line"] + 1, start["character"] + 1, severity[d["severity"]],
            d.get("code"), d.get("source"), d["message"]))
        for note in d.get("relatedInformation", []):
            nstart = note["location"]["range"]["start"]
            print("  note: %d:%d: %s" % (nstart["line"] + 1, nstart["character"] + 1,
                                         note["message"]))


def torch_findings(diagnostics):
    return [d for d in diagnostics if str(d.get("code", "")).startswith("torch-")]


def quick_fix(client, uri, diagnostic):
    """The one quick fix that textDocument/codeAction offers for `diagnostic`."""
    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri},
        "range": diagnostic["range"],
        "context": {"diagnostics": [diagnostic]},
    }, TIMEOUT)
    fixes = [a for a in actions if a.get("kind") == "quickfix"
             and any(d.get("code") == diagnostic["code"] for d in a.get("diagnostics", []))]
    if len(fixes) != 1:
        raise LspError("expected one quick fix for %s, got %r" % (diagnostic["code"], actions))
    fix = fixes[0]
    edit = fix["edit"]
    if "changes" in edit:
        changes = edit["changes"]
    else:
        changes = {c["textDocument"]["uri"]: c["edits"] for c in edit["documentChanges"]}
    if list(changes) != [uri]:
        raise LspError("the quick fix edits other files: %r" % list(changes))
    return fix["title"], changes[uri]


def main():
    project, path, text, client = start_session(sys.argv)
    try:
        result = client.initialize(project)
        print("server: %s" % result["serverInfo"]["name"])
        if not result["capabilities"].get("codeActionProvider"):
            raise LspError("the server offers no code actions")

        uri = client.open(path, text, version=1)
        diagnostics = client.wait_diagnostics(uri, 1, timeout=TIMEOUT)
        show(1, diagnostics)

        version = 1
        while torch_findings(diagnostics):
            finding = torch_findings(diagnostics)[0]
            title, edits = quick_fix(client, uri, finding)
            print("quick fix for %s: %s" % (finding["code"], title))
            text = apply_edits(text, edits)
            version += 1
            client.notify("textDocument/didChange", {
                "textDocument": {"uri": uri, "version": version},
                "contentChanges": [{"text": text}],
            })
            diagnostics = client.wait_diagnostics(uri, version, timeout=TIMEOUT)
            show(version, diagnostics)
            if finding["code"] in [d.get("code") for d in diagnostics]:
                raise LspError("%s is still reported after its fix" % finding["code"])
            if version > 10:
                raise LspError("the quick fixes do not converge")

        with open(path + ".fixed", "w") as f:
            f.write(text)
        client.shutdown(TIMEOUT)
        print("shutdown: exit status 0")
    except LspError as e:
        fail(client, e, show_transcript=True)


if __name__ == "__main__":
    main()
