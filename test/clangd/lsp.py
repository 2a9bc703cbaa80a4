"""A small LSP client over stdio, as an editor speaks to a language server.

Frames are `Content-Length: N\\r\\n\\r\\n` followed by N bytes of JSON-RPC 2.0.
A reader thread parses what the server writes; requests the server makes of
the client (clangd may ask for progress tokens) are answered with null.
Everything received is kept in `transcript` to be shown when a test fails.
"""

import json
import os
import queue
import subprocess
import sys
import threading
import time


class LspError(Exception):
    pass


def path_to_uri(path):
    return "file://" + os.path.abspath(path)


class LspClient:
    def __init__(self, command, cwd=None, stderr_path=None):
        self.stderr_file = open(stderr_path or os.devnull, "wb")
        self.proc = subprocess.Popen(
            command, cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=self.stderr_file)
        self.next_id = 1
        self.responses = {}
        self.notifications = queue.Queue()
        self.cond = threading.Condition()
        self.transcript = []
        self.reader = threading.Thread(target=self._read_loop, daemon=True)
        self.reader.start()

    # Writing.
    def send_raw(self, data):
        """Bytes as they are, framed or not: for malformed input."""
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send_body(self, body):
        """A correctly framed message whose body may be anything."""
        if isinstance(body, str):
            body = body.encode("utf-8")
        self.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def send(self, message):
        self.send_body(json.dumps(message))

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request_async(self, method, params):
        rid = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        return rid

    def response(self, rid, timeout=60):
        """The whole response message (with `result` or `error`)."""
        deadline = time.monotonic() + timeout
        with self.cond:
            while rid not in self.responses:
                left = deadline - time.monotonic()
                if left <= 0 or (self.proc.poll() is not None and not self.reader.is_alive()):
                    raise LspError("no response to request %r within %ss" % (rid, timeout))
                self.cond.wait(min(left, 1.0))
            return self.responses.pop(rid)

    def request(self, method, params, timeout=60):
        """The result of a request; an LspError if the server answers an error."""
        message = self.response(self.request_async(method, params), timeout)
        if "error" in message:
            raise LspError("%s failed: %s" % (method, message["error"]))
        return message.get("result")

    # Reading.
    def _read_loop(self):
        out = self.proc.stdout
        while True:
            headers = {}
            while True:
                line = out.readline()
                if not line:
                    with self.cond:
                        self.cond.notify_all()
                    self.notifications.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.decode("ascii").partition(":")
                headers[name.strip().lower()] = value.strip()
            body = out.read(int(headers["content-length"]))
            message = json.loads(body)
            self.transcript.append(message)
            if "method" in message and "id" in message:
                # A request from the server: accept it.
                self.send({"jsonrpc": "2.0", "id": message["id"], "result": None})
            elif "method" in message:
                self.notifications.put(message)
            else:
                with self.cond:
                    self.responses[message.get("id")] = message
                    self.cond.notify_all()

    def wait_notification(self, method, predicate=lambda params: True, timeout=120):
        """The params of the next notification `method` that satisfies
        `predicate`; earlier ones are dropped."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise LspError("no %s within %ss" % (method, timeout))
            try:
                message = self.notifications.get(timeout=left)
            except queue.Empty:
                continue
            if message is None:
                raise LspError("the server closed its output (exit status %r) "
                               "while waiting for %s" % (self.proc.wait(), method))
            if message["method"] == method and predicate(message["params"]):
                return message["params"]

    def wait_diagnostics(self, uri, version=None, predicate=lambda d: True, timeout=120):
        """The diagnostics of the next publishDiagnostics for `uri` (of
        document version `version`, when given) that satisfy `predicate`."""
        def wanted(params):
            return (params["uri"] == uri
                    and (version is None or params.get("version") == version)
                    and predicate(params["diagnostics"]))
        return self.wait_notification("textDocument/publishDiagnostics", wanted,
                                      timeout)["diagnostics"]

    # The session's ends.
    def initialize(self, root, capabilities=None):
        result = self.request("initialize", {
            "processId": os.getpid(),
            "rootUri": path_to_uri(root),
            "capabilities": capabilities if capabilities is not None else {
                "textDocument": {
                    "publishDiagnostics": {"relatedInformation": True,
                                           "versionSupport": True},
                    "codeAction": {"codeActionLiteralSupport": {
                        "codeActionKind": {"valueSet": ["quickfix"]}}},
                },
            },
        })
        self.notify("initialized", {})
        return result

    def open(self, path, text, version=1):
        uri = path_to_uri(path)
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "cpp", "version": version, "text": text}})
        return uri

    def shutdown(self, timeout=60):
        """shutdown, then exit: the server must end with status 0."""
        self.request("shutdown", None, timeout)
        self.notify("exit", None)
        self.proc.stdin.close()
        try:
            status = self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            raise LspError("the server did not exit after shutdown and exit")
        if status != 0:
            raise LspError("the server exited with status %d" % status)

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


def apply_edits(text, edits):
    """`text` with LSP TextEdits applied (positions in UTF-16 code units,
    which for ASCII sources are characters)."""
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)

    def offset(pos):
        return starts[pos["line"]] + pos["character"]

    for edit in sorted(edits, key=lambda e: offset(e["range"]["start"]), reverse=True):
        begin, end = offset(edit["range"]["start"]), offset(edit["range"]["end"])
        text = text[:begin] + edit["newText"] + text[end:]
    return text


def start_session(argv):
    """The arguments of a session script, `<server> <project dir> <file>`:
    returns the project, the file's path and text, and a client of the server
    started in the project (its stderr in clangd.log)."""
    server, project, name = argv[1], argv[2], argv[3]
    path = os.path.join(project, name)
    with open(path) as f:
        text = f.read()
    client = LspClient([server], cwd=project,
                       stderr_path=os.path.join(project, "clangd.log"))
    return project, path, text, client


def fail(client, error, show_transcript=False):
    """Ends a session script on a protocol violation, for FileCheck."""
    client.kill()
    print("error: %s" % error)
    if show_transcript:
        print("received: %r" % client.transcript[-5:], file=sys.stderr)
    sys.exit(1)
