#!/usr/bin/env python3
"""What a broken or hurried client may send torchlint-clangd, over stdio.

Usage: lsp_robustness.py <torchlint-clangd> <project dir> <file>

Malformed and out-of-order messages, then <file>, a LibTorch file that does
not compile, then its repair: after each, the server must still answer a
request. Prints one line per step, for FileCheck.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lsp import LspClient, LspError, fail, path_to_uri, start_session  # noqa: E402

TIMEOUT = 300  # the preamble of <torch/torch.h> takes 15-25 s alone


def outcome(message):
    if "error" in message:
        return "error %d" % message["error"]["code"]
    return "result"


def alive(client, what):
    """The server answers a request after `what`."""
    message = client.response(client.request_async("workspace/symbol", {"query": "x"}),
                              TIMEOUT)
    if client.proc.poll() is not None:
        raise LspError("the server exited after %s" % what)
    print("after %s: answers (%s)" % (what, outcome(message)))


def main():
    project, path, text, client = start_session(sys.argv)
    try:
        # Before initialize: requests get an error, notifications are dropped.
        print("request before initialize: %s" % outcome(client.response(
            client.request_async("textDocument/hover", {
                "textDocument": {"uri": path_to_uri(path)},
                "position": {"line": 0, "character": 0}}), TIMEOUT)))
        client.notify("textDocument/didOpen", {"textDocument": {
            "uri": path_to_uri(path), "languageId": "cpp", "version": 1, "text": text}})

        # Framing and JSON errors.
        client.send_body("{oops")
        client.send_body('{"jsonrpc": "2.0", "method": ')
        client.send_raw(b"X-Junk: 1\r\n\r\n")  # headers without Content-Length
        client.send_raw(b"Content-Length: 12\r\nContent-Type: application/vscode-jsonrpc; "
                        b"charset=utf-8\r\n\r\n" + b'{"bad json}' + b"\n")
        print("initialize after garbage: %s" % client.initialize(project)["serverInfo"]["name"])

        # Out of order, unknown, or about nothing.
        print("second initialize: %s" % outcome(client.response(client.request_async(
            "initialize", {"processId": None, "rootUri": None, "capabilities": {}}), TIMEOUT)))
        print("unknown method: %s" % outcome(client.response(
            client.request_async("torchlint/noSuchMethod", {"x": 1}), TIMEOUT)))
        client.notify("torchlint/noSuchNotification", {"x": 1})
        client.send({"jsonrpc": "2.0", "id": 4242, "result": {"reply": "to nothing"}})
        client.send({"jsonrpc": "2.0", "id": 4243, "method": "textDocument/hover",
                     "params": "not an object"})
        print("hover with bad params: %s" % outcome(client.response(4243, TIMEOUT)))
        never = path_to_uri(os.path.join(project, "never_opened.cpp"))
        client.notify("textDocument/didChange", {
            "textDocument": {"uri": never, "version": 2},
            "contentChanges": [{"text": "int x;"}]})
        client.notify("textDocument/didClose", {"textDocument": {"uri": never}})
        print("hover on a file never opened: %s" % outcome(client.response(
            client.request_async("textDocument/hover", {
                "textDocument": {"uri": never},
                "position": {"line": 0, "character": 0}}), TIMEOUT)))
        alive(client, "malformed and out-of-order messages")

        # A LibTorch file that does not compile: compiler errors, and the
        # server still answers about it.
        uri = client.open(path, text, version=1)
        diagnostics = client.wait_diagnostics(uri, 1, timeout=TIMEOUT)
        for d in sorted(diagnostics, key=lambda d: d["range"]["start"]["line"]):
            print("version 1: %d:%d %s %s" % (
                d["range"]["start"]["line"] + 1, d["range"]["start"]["character"] + 1,
                {1: "error", 2: "warning"}.get(d["severity"], "other"), d.get("code")))
        hover = client.request("textDocument/hover", {
            "textDocument": {"uri": uri}, "position": {"line": 9, "character": 8}}, TIMEOUT)
        print("hover in the broken file: %s" % ("answered" if hover else "empty"))
        alive(client, "a file that does not compile")

        # Repaired, the file keeps its torch- finding and loses its errors.
        fixed = text.replace("  undeclared_helper(loss)\n", "  loss.backward();\n")
        client.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [{"text": fixed}]})
        for d in client.wait_diagnostics(uri, 2, timeout=TIMEOUT):
            print("version 2: %d:%d %s" % (d["range"]["start"]["line"] + 1,
                                           d["range"]["start"]["character"] + 1, d.get("code")))

        client.shutdown(TIMEOUT)
        print("shutdown: exit status 0")
    except LspError as e:
        fail(client, e)

    # Valid JSON that is not a JSON-RPC 2.0 object (clangd 19 alone ends the
    # session on it): dropped before clangd reads it, and the server answers.
    client = LspClient([sys.argv[1]], cwd=project)
    client.initialize(project)
    client.send_body("[1, 2]")
    client.send_body('{"id": 77, "method": "shutdown"}')
    try:
        client.shutdown(TIMEOUT)
        print("not JSON-RPC: dropped, shutdown answered, exit status 0")
    except LspError as e:
        client.kill()
        print("not JSON-RPC: error: %s" % e)


if __name__ == "__main__":
    main()
