#!/usr/bin/env python3
"""Hostile-client measurements for the hardening budgets (issue 10), against a running server.

  python3 bench/floods.py slow  URL PID   # 2,000 slow or silent connections while wrk reads /
  python3 bench/floods.py login URL PID   # 500 failed logins at once from 100 addresses, twice

PID is the server's process id (its memory is read from /proc). The server must trust
X-Forwarded-For from 127.0.0.1 for the login flood (MITDENKEN_TRUSTED_PROXIES=127.0.0.1), so
that the 100 addresses count as 100 clients. Raise `ulimit -n` for both sides first. Prints
one Markdown table. A measurement, not a test: CI does not run it.
"""

import asyncio
import re
import sys
import time
import urllib.parse

WRK_SECONDS = 12


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        fields = dict(line.split(":", 1) for line in f)
    return (int(fields["VmRSS"].split()[0]) // 1024, int(fields["VmHWM"].split()[0]) // 1024)


async def sample_rss(pid, stop, peak):
    while not stop.is_set():
        peak[0] = max(peak[0], rss_mb(pid)[0])
        await asyncio.sleep(0.05)


def wrk_figures(out):
    def grab(pattern):
        m = re.search(pattern, out, re.M)
        return m.group(1) if m else "?"

    return {
        "rps": grab(r"Requests/sec:\s+([\d.]+)"),
        "p50": grab(r"^\s+50%\s+(\S+)"),
        "p99": grab(r"^\s+99%\s+(\S+)"),
        "errors": grab(r"(Socket errors:.*)$") if "Socket errors" in out else "keine",
        "non2xx": grab(r"Non-2xx or 3xx responses:\s+(\d+)") if "Non-2xx" in out else "0",
    }


async def wrk_home(url):
    proc = await asyncio.create_subprocess_exec(
        "wrk", "-t1", "-c4", f"-d{WRK_SECONDS}s", "--latency", url + "/",
        stdout=asyncio.subprocess.PIPE)
    out, _ = await proc.communicate()
    return wrk_figures(out.decode())


async def slow_client(host, port, kind, closed_after):
    """Open one connection and misbehave until the server hangs up; note when it did."""
    t0 = time.monotonic()
    try:
        reader, writer = await asyncio.open_connection(host, port)
    except OSError:
        closed_after.append(("refused", 0.0))
        return
    try:
        if kind == "silent":
            data = await reader.read(1)
        elif kind == "header":
            request = b"GET / HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"a" * 10_000
            data = b""
            for byte in request:
                writer.write(bytes([byte]))
                await writer.drain()
                try:
                    data = await asyncio.wait_for(reader.read(1), 1.0)
                    break
                except asyncio.TimeoutError:
                    continue
        else:
            body = b"x" * 100_000
            writer.write(b"POST /login HTTP/1.1\r\nHost: x\r\nContent-Type: "
                         b"application/x-www-form-urlencoded\r\nContent-Length: "
                         + str(len(body)).encode() + b"\r\n\r\n")
            data = b""
            for byte in body:
                writer.write(bytes([byte]))
                await writer.drain()
                try:
                    data = await asyncio.wait_for(reader.read(1), 1.0)
                    break
                except asyncio.TimeoutError:
                    continue
        closed_after.append((kind, time.monotonic() - t0))
    except (ConnectionError, OSError):
        closed_after.append((kind, time.monotonic() - t0))
    finally:
        writer.close()


async def bounded(client, kind, closed):
    """A connection the server has not closed after 60 s counts as never closed."""
    try:
        await asyncio.wait_for(client, 60)
    except asyncio.TimeoutError:
        closed.append((kind + " (nach 60 s noch offen)", 60.0))


async def slow(url, pid):
    u = urllib.parse.urlparse(url)
    before = rss_mb(pid)[0]
    closed = []
    kinds = ["silent", "header", "body"]
    clients = [asyncio.create_task(bounded(slow_client(u.hostname, u.port, kinds[i % 3], closed),
                                           kinds[i % 3], closed))
               for i in range(2000)]
    await asyncio.sleep(1.0)
    stop, peak = asyncio.Event(), [before]
    sampler = asyncio.create_task(sample_rss(pid, stop, peak))
    figures = await wrk_home(url)
    await asyncio.gather(*clients)
    stop.set()
    await sampler
    print("| 2.000 langsame/stumme Verbindungen | Wert |")
    print("|---|---|")
    for kind in sorted({k for k, _ in closed}):
        times = sorted(t for k, t in closed if k == kind)
        if times:
            print(f"| {kind}: getrennt nach (min / Median / max) | "
                  f"{times[0]:.1f} / {times[len(times) // 2]:.1f} / {times[-1]:.1f} s ({len(times)}) |")
    print(f"| `/` währenddessen (wrk -c4, {WRK_SECONDS} s) | {figures['rps']} req/s, "
          f"p50 {figures['p50']}, p99 {figures['p99']}, Fehler: {figures['errors']}, "
          f"Antworten außer 2xx/3xx: {figures['non2xx']} |")
    print(f"| Speicher (RSS) vorher / Spitze | {before} MB / {peak[0]} MB |")


async def fetch_token(host, port):
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(b"GET /login HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    raw = (await reader.read()).decode("utf-8", "replace")
    writer.close()
    cookie = re.search(r"mitdenken_sitzung=([^;]+)", raw).group(1)
    token = re.search(r'name="csrf" value="([^"]+)"', raw).group(1)
    return cookie, token


async def failed_login(host, port, cookie, token, address, answers):
    body = urllib.parse.urlencode(
        {"csrf": token, "email": f"niemand{address}@example.org", "password": "falsch-falsch-1"}
    ).encode()
    head = (f"POST /login HTTP/1.1\r\nHost: x\r\nCookie: mitdenken_sitzung={cookie}\r\n"
            f"X-Forwarded-For: 10.9.{address // 250}.{address % 250 + 1}\r\n"
            "Content-Type: application/x-www-form-urlencoded\r\n"
            f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n").encode()
    t0 = time.monotonic()
    try:
        reader, writer = await asyncio.open_connection(host, port)
        writer.write(head + body)
        line = await reader.readline()
        await reader.read()
        writer.close()
        answers.append((line.split()[1].decode(), time.monotonic() - t0))
    except (ConnectionError, OSError, IndexError):
        answers.append(("error", time.monotonic() - t0))


async def login(url, pid):
    u = urllib.parse.urlparse(url)
    sessions = [await fetch_token(u.hostname, u.port) for _ in range(20)]
    before = rss_mb(pid)[0]
    stop, peak = asyncio.Event(), [before]
    sampler = asyncio.create_task(sample_rss(pid, stop, peak))
    wrk = asyncio.create_task(wrk_home(url))
    await asyncio.sleep(1.0)
    answers = []
    for _round in range(2):
        await asyncio.gather(*[
            failed_login(u.hostname, u.port, *sessions[i % len(sessions)], i % 100, answers)
            for i in range(500)
        ])
        await asyncio.sleep(2.0)
    figures = await wrk
    stop.set()
    await sampler
    counts = {}
    for status, _ in answers:
        counts[status] = counts.get(status, 0) + 1
    slowest = max(t for _, t in answers)
    print("| 2 × 500 fehlgeschlagene Anmeldungen von 100 Adressen | Wert |")
    print("|---|---|")
    print(f"| Antworten | {', '.join(f'{k}: {v}' for k, v in sorted(counts.items()))}; "
          f"langsamste nach {slowest:.1f} s |")
    print(f"| `/` währenddessen (wrk -c4, {WRK_SECONDS} s) | {figures['rps']} req/s, "
          f"p50 {figures['p50']}, p99 {figures['p99']}, Fehler: {figures['errors']} |")
    print(f"| Speicher (RSS) vorher / Spitze | {before} MB / {peak[0]} MB |")


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("slow", "login"):
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    mode, url, pid = sys.argv[1], sys.argv[2].rstrip("/"), int(sys.argv[3])
    asyncio.run(slow(url, pid) if mode == "slow" else login(url, pid))


if __name__ == "__main__":
    main()
