#!/usr/bin/env python3
"""Times the language server's outline (textDocument/documentSymbol) and hover on a large model.

  bench/lsp_symbols.py JAR N     start `java -jar JAR lsp`, open a model of N rules (bench/frontend_models.py), and
                                 print the seconds to the first diagnostics, to documentSymbol and to a hover

Not part of the test suite (docs/benchmarks.md, "Front end: input size").
"""
import json
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import frontend_models  # noqa: E402


def send(p, msg):
    body = json.dumps(msg).encode()
    p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    p.stdin.flush()


def read(p):
    length = None
    while True:
        line = p.stdout.readline()
        if not line:
            raise EOFError("the server closed its output")
        line = line.strip()
        if not line:
            break
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":")[1])
    return json.loads(p.stdout.read(length))


def wait_for(p, pred):
    while True:
        m = read(p)
        if pred(m):
            return m


def main():
    jar, n = sys.argv[1], int(sys.argv[2])
    text = frontend_models.rules(n)
    uri = "file:///tmp/lsp-bench-%d.m" % n
    p = subprocess.Popen(["java", "-Xss16m", "-jar", jar, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL)
    send(p, {"jsonrpc": "2.0", "id": 1, "method": "initialize",
             "params": {"processId": None, "rootUri": None, "capabilities": {}}})
    wait_for(p, lambda m: m.get("id") == 1)
    send(p, {"jsonrpc": "2.0", "method": "initialized", "params": {}})
    start = time.time()
    send(p, {"jsonrpc": "2.0", "method": "textDocument/didOpen",
             "params": {"textDocument": {"uri": uri, "languageId": "murphi", "version": 1, "text": text}}})
    wait_for(p, lambda m: m.get("method") == "textDocument/publishDiagnostics")
    diagnostics = time.time() - start
    start = time.time()
    send(p, {"jsonrpc": "2.0", "id": 2, "method": "textDocument/documentSymbol",
             "params": {"textDocument": {"uri": uri}}})
    symbols = wait_for(p, lambda m: m.get("id") == 2)
    outline = time.time() - start
    start = time.time()
    send(p, {"jsonrpc": "2.0", "id": 3, "method": "textDocument/hover",
             "params": {"textDocument": {"uri": uri}, "position": {"line": 4, "character": 3}}})
    wait_for(p, lambda m: m.get("id") == 3)
    hover = time.time() - start
    count = len(symbols.get("result") or [])
    print("rules %d: %d bytes; diagnostics %.1f s, documentSymbol %.1f s (%d top-level symbols), hover %.2f s"
          % (n, len(text), diagnostics, outline, count, hover))
    send(p, {"jsonrpc": "2.0", "id": 4, "method": "shutdown"})
    wait_for(p, lambda m: m.get("id") == 4)
    send(p, {"jsonrpc": "2.0", "method": "exit"})
    p.wait(timeout=30)


if __name__ == "__main__":
    main()
