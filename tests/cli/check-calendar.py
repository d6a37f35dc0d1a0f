#!/usr/bin/python3
# check-calendar.py — `recourse calendar` read back by a real RFC 5545 parser
# (python3-icalendar): events, stable UIDs, escaping, an empty calendar, bad input;
# a follow-up marked done stays as the same event, cancelled, with a higher
# SEQUENCE (importing the newer calendar then updates the event a calendar
# program holds; an event merely left out would stay there as a reminder).
# Copyright 2026 The Recourse authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# TAP output; run by meson with RECOURSE_BIN set.
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time

try:
    import icalendar
except ImportError:
    print("1..0 # SKIP python3-icalendar is not installed (build-aux/dev installs it)")
    sys.exit(0)

BIN = os.environ["RECOURSE_BIN"]
tests = []


def test(func):
    tests.append(func)
    return func


def run(*args, check=True):
    result = subprocess.run([BIN, *args], capture_output=True, text=True)
    if check and result.returncode != 0:
        raise AssertionError(f"{args}: exit {result.returncode}: {result.stderr}")
    return result


def events(path):
    with open(path, "rb") as f:
        calendar = icalendar.Calendar.from_ical(f.read())
    assert calendar["VERSION"] == "2.0"
    return [c for c in calendar.walk() if c.name == "VEVENT"]


def case_json(path):
    return json.loads(run("export", path, "--json", "-o", "-").stdout)


def is_cancelled(event):
    return str(event.get("STATUS", "")) == "CANCELLED"


def step_open(e):
    return e["next_date"] and not e.get("next_done") and e["status"] not in ("denied", "closed")


@test
def demo_events(tmp):
    case = os.path.join(tmp, "demo.recourse")
    ics = os.path.join(tmp, "f.ics")
    run("demo", "-o", case)
    run("calendar", case, "-o", ics)
    data = case_json(case)
    communications = [c for c in data["communications"] if c["follow_up"]]
    steps = [e for e in data["enforcement"] if e["next_date"]]
    found = events(ics)
    live = [e for e in found if not is_cancelled(e)]
    cancelled = [e for e in found if is_cancelled(e)]
    # The demo keeps up: its older follow-ups are done (cancelled events).
    wanted = [c["follow_up"] for c in communications if not c["follow_up_done"]] + [
        e["next_date"] for e in steps if step_open(e)]
    done = [c["follow_up"] for c in communications if c["follow_up_done"]] + [
        e["next_date"] for e in steps if not step_open(e)]
    assert wanted and done, (wanted, done)
    assert sorted(str(e["DTSTART"].dt) for e in live) == sorted(wanted), (live, wanted)
    assert sorted(str(e["DTSTART"].dt) for e in cancelled) == sorted(done), (cancelled, done)
    for e in live:
        assert str(e["STATUS"]) == "CONFIRMED", e
    for e in found:
        assert (e["DTEND"].dt - e["DTSTART"].dt).days == 1   # all-day
        assert int(e["SEQUENCE"]) > 0, e
        assert e["LAST-MODIFIED"].dt.tzinfo is not None, e
    assert len({str(e["UID"]) for e in found}) == len(found)
    assert os.stat(ics).st_mode & 0o777 == 0o600


@test
def stable_uids(tmp):
    case = os.path.join(tmp, "demo.recourse")
    run("demo", "-o", case)
    run("calendar", case, "-o", os.path.join(tmp, "a.ics"))
    run("calendar", case, "-o", os.path.join(tmp, "b.ics"))
    a = {str(e["UID"]): str(e["DTSTART"].dt) for e in events(os.path.join(tmp, "a.ics"))}
    b = {str(e["UID"]): str(e["DTSTART"].dt) for e in events(os.path.join(tmp, "b.ics"))}
    assert a == b and a
    # Another case file: other UIDs. The key is the moment the case was made,
    # to the second: make the other one a second later.
    time.sleep(1.1)
    other = os.path.join(tmp, "other.recourse")
    run("demo", "-o", other)
    run("calendar", other, "-o", os.path.join(tmp, "c.ics"))
    c = {str(e["UID"]) for e in events(os.path.join(tmp, "c.ics"))}
    assert not (set(a) & c)


def by_uid(path):
    return {str(e["UID"]): e for e in events(path)}


def touch(case, table, column, value, row_id, stamp):
    """What the window's Done switch stores: the flag and the record's updated_at."""
    with sqlite3.connect(case) as db:
        db.execute(f"UPDATE {table} SET {column} = ?, updated_at = ? WHERE id = ?",
                   (value, stamp, row_id))
    db.close()


@test
def done_is_cancelled(tmp):
    case = os.path.join(tmp, "demo.recourse")
    run("demo", "-o", case)
    run("calendar", case, "-o", os.path.join(tmp, "a.ics"))
    a = by_uid(os.path.join(tmp, "a.ics"))
    follow_up = next(u for u, e in a.items() if u.startswith("communication-")
                     and not is_cancelled(e))
    step = next(u for u, e in a.items() if u.startswith("enforcement-") and not is_cancelled(e))
    communication_id = int(follow_up.split("-")[1])
    step_id = int(step.split("-")[1])

    # Marked done (a later change than any the demo made).
    touch(case, "communications", "follow_up_done", 1, communication_id, "2030-01-01T00:00:00Z")
    touch(case, "enforcement_steps", "next_done", 1, step_id, "2030-01-01T00:00:00Z")
    run("calendar", case, "-o", os.path.join(tmp, "b.ics"))
    b = by_uid(os.path.join(tmp, "b.ics"))
    # Nothing is left out: the same events, the two done ones cancelled.
    assert set(a) == set(b), (set(a) ^ set(b))
    for uid in (follow_up, step):
        assert is_cancelled(b[uid]), b[uid]
        assert int(b[uid]["SEQUENCE"]) > int(a[uid]["SEQUENCE"]), uid
        assert b[uid]["DTSTART"].dt == a[uid]["DTSTART"].dt
    for uid in set(a) - {follow_up, step}:
        assert int(b[uid]["SEQUENCE"]) == int(a[uid]["SEQUENCE"]), uid
        assert is_cancelled(b[uid]) == is_cancelled(a[uid]), uid

    # Marked open again (undo): live again, with a higher SEQUENCE still.
    touch(case, "communications", "follow_up_done", 0, communication_id, "2030-01-01T00:00:05Z")
    run("calendar", case, "-o", os.path.join(tmp, "c.ics"))
    c = by_uid(os.path.join(tmp, "c.ics"))
    assert not is_cancelled(c[follow_up])
    assert int(c[follow_up]["SEQUENCE"]) > int(b[follow_up]["SEQUENCE"])
    assert is_cancelled(c[step])


@test
def escaping_and_folding(tmp):
    case = os.path.join(tmp, "demo.recourse")
    run("demo", "-o", case)
    data = case_json(case)
    subject = "Ruling, part 2; the \\ judge said: pay — Thanh toán tiền cấp dưỡng " + "x" * 120
    summary = "Line one,\nline two; with \\ backslash"
    data["communications"] = [dict(data["communications"][0], subject=subject, summary=summary,
                                   follow_up="2027-01-15")]
    data["enforcement"] = []
    src = os.path.join(tmp, "c.json")
    with open(src, "w") as f:
        json.dump(data, f)
    odd = os.path.join(tmp, "odd.recourse")
    run("import", src, "-o", odd)
    ics = os.path.join(tmp, "odd.ics")
    run("calendar", odd, "-o", ics)
    with open(ics, "rb") as f:
        raw = f.read()
    for line in raw.split(b"\r\n"):
        assert len(line) <= 75, line
        line.decode("utf-8")   # never folded inside a character
    (event,) = events(ics)
    assert str(event["DESCRIPTION"]) == summary
    assert str(event["SUMMARY"]).startswith("Follow up: Ruling, part 2; the \\ judge said")
    assert str(event["DTSTART"].dt) == "2027-01-15"


@test
def empty_calendar(tmp):
    case = os.path.join(tmp, "new.recourse")
    ics = os.path.join(tmp, "e.ics")
    run("new", case, "--title", "Nothing to follow")
    run("calendar", case, "-o", ics)
    assert events(ics) == []


@test
def bad_input(tmp):
    case = os.path.join(tmp, "demo.recourse")
    run("demo", "-o", case)
    before = open(case, "rb").read()
    r = run("calendar", case, check=False)
    assert r.returncode == 2 and "-o" in r.stderr, r
    r = run("calendar", case, "-o", case, check=False)
    assert r.returncode == 2 and r.stderr.count("\n") == 1, r
    assert open(case, "rb").read() == before
    r = run("calendar", os.path.join(tmp, "missing.recourse"), "-o", os.path.join(tmp, "x.ics"),
            check=False)
    assert r.returncode == 2, r
    r = run("calendar", case, "-o", os.path.join(tmp, "no-such-folder", "x.ics"), check=False)
    assert r.returncode == 1 and r.stderr.startswith("recourse: "), r
    assert not os.path.exists(os.path.join(tmp, "x.ics"))


print(f"1..{len(tests)}")
failed = 0
for number, func in enumerate(tests, 1):
    with tempfile.TemporaryDirectory() as tmp:
        try:
            func(tmp)
            print(f"ok {number} {func.__name__}")
        except Exception as error:   # report and go on
            failed += 1
            print(f"not ok {number} {func.__name__}")
            for line in repr(error).splitlines():
                print(f"# {line}")
sys.exit(1 if failed else 0)
