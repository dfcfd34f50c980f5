#!/usr/bin/python3
"""huiwu publish against a real CalDAV server: Radicale from Debian's package, started once on
a free loopback port with a plain htpasswd user and a temporary storage. The demo database of
Ili (with a weekly series whose Monday falls in the Spring Festival and moves) is published;
the server is read back with REPORT calendar-query, its recurrences expanded by
python3-recurring-ical-events, and every occurrence compared with huiwu's own list. Then edits,
a cancellation and a deletion are published and the server's ETags show that exactly those
resources changed; a resource changed on the server gives a 412 that is reported, and --force
overwrites it. python3-caldav, a second client, reads the same events. Output is TAP; skipped
(and said so) where Radicale or python3-caldav is missing.
"""
import collections
import json
import os
import shutil
import socket
import sqlite3
import stat
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

BINARY = os.path.abspath(os.environ.get("HUIWU_BINARY", "build/huiwu"))
PYTHON = os.environ.get("HUIWU_PYTHON", "/usr/bin/python3")
USER, PASSWORD = "clerk", "s3cret-密"
DAV, CAL = "{DAV:}", "{urn:ietf:params:xml:ns:caldav}"


def skip_all(reason):
    print("1..0 # SKIP %s" % reason)
    sys.exit(0)


try:
    import caldav
    import icalendar
    import recurring_ical_events
except ImportError as missing:
    skip_all("python3-caldav or python3-recurring-ical-events is not installed (%s)" % missing)
if subprocess.run([PYTHON, "-c", "import radicale"], capture_output=True).returncode != 0:
    skip_all("Radicale (python3-radicale) is not installed")


class Server:
    """One Radicale for the whole script."""

    def __init__(self, root):
        self.root = root
        os.makedirs(os.path.join(root, "storage"))
        with open(os.path.join(root, "users"), "w") as users:
            users.write("%s:%s\n" % (USER, PASSWORD))
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        self.port = probe.getsockname()[1]
        probe.close()
        with open(os.path.join(root, "config"), "w") as config:
            config.write("[server]\nhosts = 127.0.0.1:%d\n"
                         "[auth]\ntype = htpasswd\nhtpasswd_filename = %s/users\n"
                         "htpasswd_encryption = plain\ndelay = 0\n"
                         "[storage]\nfilesystem_folder = %s/storage\n"
                         "[rights]\ntype = owner_only\n[logging]\nlevel = warning\n"
                         % (self.port, root, root))
        self.log = open(os.path.join(root, "radicale.log"), "w")
        self.process = subprocess.Popen([PYTHON, "-m", "radicale", "--config",
                                         os.path.join(root, "config")],
                                        stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 15
        while True:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                break
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("Radicale did not start: see %s/radicale.log" % root)
                time.sleep(0.05)
        self.home = "http://127.0.0.1:%d/%s/" % (self.port, USER)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)
        self.log.close()

    def http(self, method, url, body=None, headers=None):
        request = urllib.request.Request(url, data=body.encode() if isinstance(body, str) else body,
                                         method=method, headers=headers or {})
        manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        manager.add_password(None, url, USER, PASSWORD)
        opener = urllib.request.build_opener(urllib.request.HTTPBasicAuthHandler(manager))
        try:
            with opener.open(request, timeout=10) as answer:
                return answer.status, answer.read(), dict(answer.headers)
        except urllib.error.HTTPError as error:
            return error.code, error.read(), dict(error.headers)

    def etags(self, collection):
        """href -> ETag of every resource in the collection (PROPFIND Depth 1)."""
        status, body, _ = self.http("PROPFIND", collection,
                                    '<propfind xmlns="DAV:"><prop><getetag/></prop></propfind>',
                                    {"Depth": "1", "Content-Type": "application/xml"})
        assert status == 207, status
        result = {}
        for response in ET.fromstring(body).iter(DAV + "response"):
            href = response.find(DAV + "href").text
            etag = response.find(".//" + DAV + "getetag")
            if href.endswith(".ics") and etag is not None:
                result[href] = etag.text
        return result

    def report(self, collection, start, end, component="VEVENT"):
        """The calendar objects a calendar-query over [start, end) returns."""
        query = ('<C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">'
                 '<D:prop><D:getetag/><C:calendar-data/></D:prop>'
                 '<C:filter><C:comp-filter name="VCALENDAR"><C:comp-filter name="%s">'
                 '<C:time-range start="%s" end="%s"/></C:comp-filter></C:comp-filter>'
                 '</C:filter></C:calendar-query>' % (component, start, end))
        status, body, _ = self.http("REPORT", collection, query,
                                    {"Depth": "1", "Content-Type": "application/xml"})
        assert status == 207, (status, body[:300])
        objects = {}
        for response in ET.fromstring(body).iter(DAV + "response"):
            data = response.find(".//" + CAL + "calendar-data")
            if data is not None and data.text:
                objects[response.find(DAV + "href").text] = icalendar.Calendar.from_ical(data.text)
        return objects


class BreakingProxy:
    """A proxy in front of Radicale that lets `budget` requests through, then drops every
    connection without an answer, as a network that fails midway would."""

    def __init__(self, target_port):
        proxy = self
        self.budget = None

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def __getattr__(self, name):
                if name.startswith("do_"):
                    return self.forward
                raise AttributeError(name)

            def forward(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else None
                if proxy.budget is not None:
                    if proxy.budget <= 0:
                        self.close_connection = True
                        return
                    proxy.budget -= 1
                headers = {k: v for k, v in self.headers.items()
                           if k.lower() not in ("host", "content-length", "connection")}
                request = urllib.request.Request(
                    "http://127.0.0.1:%d%s" % (target_port, self.path), data=body,
                    method=self.command, headers=headers)
                try:
                    answer = urllib.request.urlopen(request, timeout=10)
                    status, data, answer_headers = answer.status, answer.read(), answer.headers
                except urllib.error.HTTPError as error:
                    status, data, answer_headers = error.code, error.read(), error.headers
                self.send_response(status)
                for key, value in answer_headers.items():
                    if key.lower() not in ("content-length", "connection", "transfer-encoding",
                                           "date", "server"):
                        self.send_header(key, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


TESTS = []


def case(function):
    TESTS.append(function)
    return function


class World:
    """The database, the config folder and the server, shared by the cases in order."""

    def __init__(self, root, server):
        self.root = root
        self.server = server
        self.db = os.path.join(root, "demo.db")
        self.env = dict(os.environ, HUIWU_DB=self.db, XDG_CONFIG_HOME=os.path.join(root, "config"),
                        LC_ALL="C.UTF-8", LANGUAGE="en", HUIWU_TODAY="2026-11-23")
        self.env.pop("LANG", None)

    def run(self, *args, expect=0):
        done = subprocess.run([BINARY, *args], env=self.env, capture_output=True, text=True,
                              timeout=120)
        if expect is not None and done.returncode != expect:
            raise AssertionError("huiwu %s: exit %d, wanted %d\n%s%s" % (
                " ".join(args), done.returncode, expect, done.stdout, done.stderr))
        return done

    def collection(self, suffix=""):
        return self.server.home + "huiwu-ili%s/" % suffix

    def meetings(self):
        return json.loads(self.run("meeting", "list", "--from", "2000-01-01", "--to",
                                   "2099-12-31", "--json").stdout)


def summary_counts(stderr):
    """(created, updated, deleted, unchanged) from publish's summary line."""
    for line in stderr.splitlines():
        if "created" in line and "unchanged" in line:
            words = line.replace(",", "").split()
            return tuple(int(words[words.index(w) - 1])
                         for w in ("created", "updated", "deleted", "unchanged"))
    raise AssertionError("no summary in: " + stderr)


def occurrences(objects, start, end):
    """(date, start, end, cancelled) of every occurrence the server's objects give."""
    found = collections.Counter()
    for calendar in objects.values():
        for event in recurring_ical_events.of(calendar).between(start, end):
            begin = event["DTSTART"].dt
            finish = event["DTEND"].dt if "DTEND" in event else None
            found[(begin.strftime("%Y-%m-%d"), begin.strftime("%H:%M"),
                   finish.strftime("%H:%M") if finish else "",
                   str(event.get("STATUS", "")) == "CANCELLED")] += 1
    return found


def expected(world):
    """The same from huiwu's own list: a cancelled occurrence of a series is not in the
    calendar (an EXDATE), a cancelled single meeting is, marked cancelled."""
    series = {row[0] for row in sqlite3.connect(world.db).execute(
        "SELECT id FROM meeting WHERE series_id IS NOT NULL")}
    found = collections.Counter()
    for m in world.meetings():
        cancelled = m["status"] == "cancelled"
        if cancelled and m["id"] in series:
            continue
        found[(m["date"], m["start"], m["end"] or "", cancelled)] += 1
    return found


def compare_with_server(world):
    objects = world.server.report(world.collection(), "20000101T000000Z", "20991231T000000Z")
    import datetime
    got = occurrences(objects, datetime.date(2000, 1, 1), datetime.date(2099, 12, 31))
    want = expected(world)
    assert got == want, "server minus huiwu: %s\nhuiwu minus server: %s" % (
        dict(got - want), dict(want - got))
    return objects


@case
def setup_keeps_the_password_in_a_private_file(world):
    password_file = os.path.join(world.root, "password")
    with open(password_file, "w") as out:
        out.write(PASSWORD + "\n")
    world.run("publish", "--bogus", expect=2)
    world.run("publish", "setup", world.server.home, expect=2)  # who?
    world.run("publish", "setup", world.server.home, "--user", USER, "--password", "x",
              expect=2)  # never on the command line
    bad = world.run("publish", "setup", "ftp://example", "--user", USER, "--password-file",
                    password_file, expect=1)
    assert "http" in bad.stderr, bad.stderr
    assert not os.path.exists(os.path.join(world.root, "config", "huiwu", "publish.ini"))
    world.run("publish", "setup", world.server.home.rstrip("/"), "--user", USER,
              "--password-file", password_file)
    path = os.path.join(world.root, "config", "huiwu", "publish.ini")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600, oct(os.stat(path).st_mode)
    assert world.server.home in open(path).read()


@case
def a_missing_server_setup_is_one_error(world):
    env = dict(world.env, XDG_CONFIG_HOME=os.path.join(world.root, "nowhere"))
    done = subprocess.run([BINARY, "publish"], env=env, capture_output=True, text=True)
    assert done.returncode == 1 and "publish setup" in done.stderr, done.stderr


@case
def a_wrong_password_is_reported_with_the_status_and_changes_nothing(world):
    wrong = os.path.join(world.root, "wrong")
    os.makedirs(wrong + "/huiwu")
    with open(wrong + "/huiwu/publish.ini", "w") as out:
        out.write("url = %s\nuser = %s\npassword = nope\n" % (world.server.home, USER))
    env = dict(world.env, XDG_CONFIG_HOME=wrong)
    done = subprocess.run([BINARY, "publish"], env=env, capture_output=True, text=True)
    assert done.returncode == 1 and "401" in done.stderr, done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert sqlite3.connect(world.db).execute("SELECT count(*) FROM published").fetchone()[0] == 0


@case
def a_forbidden_collection_is_reported_with_the_servers_message(world):
    other = os.path.join(world.root, "forbidden")
    os.makedirs(other + "/huiwu")
    with open(other + "/huiwu/publish.ini", "w") as out:
        # Another user's home: Radicale's owner_only rights forbid it.
        out.write("url = http://127.0.0.1:%d/someone-else/\nuser = %s\npassword = %s\n"
                  % (world.server.port, USER, PASSWORD))
    done = subprocess.run([BINARY, "publish"], env=dict(world.env, XDG_CONFIG_HOME=other),
                          capture_output=True, text=True)
    assert done.returncode == 1 and "403" in done.stderr, done.stderr
    assert "forbidden" in done.stderr.lower() and len(done.stderr.strip().splitlines()) == 1, \
        done.stderr


@case
def an_unreachable_server_is_one_error(world):
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()
    other = os.path.join(world.root, "unreachable")
    os.makedirs(other + "/huiwu")
    with open(other + "/huiwu/publish.ini", "w") as out:
        out.write("url = http://127.0.0.1:%d/x/\nuser = a\npassword = b\n" % port)
    done = subprocess.run([BINARY, "publish"], env=dict(world.env, XDG_CONFIG_HOME=other),
                          capture_output=True, text=True)
    assert done.returncode == 1 and "cannot reach" in done.stderr, done.stderr


@case
def the_demo_is_published_one_resource_per_uid_and_read_back_exactly(world):
    # A weekly series whose Monday 2027-02-08 falls in the Spring Festival and moves on.
    world.run("series", "add", "--type", "executive", "--rrule", "FREQ=WEEKLY;BYDAY=MO",
              "--time", "09:00", "--end", "11:00", "--from", "2027-01-25", "--count", "4",
              "--on-holiday", "next")
    done = world.run("publish")
    created, updated, deleted, unchanged = summary_counts(done.stderr)
    assert created > 20 and updated == deleted == unchanged == 0, done.stderr
    etags = world.server.etags(world.collection())
    assert len(etags) == created, (len(etags), created)
    objects = compare_with_server(world)
    # Each object holds one UID (a series with its overrides) and its VTIMEZONE.
    for href, calendar in objects.items():
        uids = {str(c["UID"]) for c in calendar.walk() if c.name in ("VEVENT", "VTODO")}
        assert len(uids) == 1, (href, uids)
        assert any(c.name == "VTIMEZONE" for c in calendar.walk()), href
    # The server's own time-range filter honours the holiday move.
    assert world.server.report(world.collection(), "20270209T000000Z", "20270209T235959Z")
    moved_away = world.server.report(world.collection(), "20270208T000000Z", "20270208T235959Z")
    assert not any("RRULE" in c for cal in moved_away.values() for c in cal.walk("VEVENT")), \
        "the holiday Monday still has the series' meeting"


@case
def a_second_publish_with_no_change_sends_nothing(world):
    before = world.server.etags(world.collection())
    done = world.run("publish")
    created, updated, deleted, unchanged = summary_counts(done.stderr)
    assert (created, updated, deleted) == (0, 0, 0) and unchanged == len(before), done.stderr
    assert world.server.etags(world.collection()) == before


@case
def edits_cancellations_and_deletions_send_exactly_those_changes(world):
    db = sqlite3.connect(world.db)
    uid_of = dict(db.execute("SELECT id, uid FROM meeting"))
    planned = [m for m in world.meetings() if m["status"] == "planned"]
    singles = [m for m in planned if db.execute("SELECT series_id FROM meeting WHERE id = ?",
                                                (m["id"],)).fetchone()[0] is None]
    edited, cancelled = singles[0], singles[1]
    world.run("meeting", "edit", str(edited["id"]), "--location", "政府第九会议室")
    world.run("meeting", "cancel", str(cancelled["id"]))
    before = world.server.etags(world.collection())
    done = world.run("publish")
    assert summary_counts(done.stderr)[:3] == (0, 2, 0), done.stderr
    after = world.server.etags(world.collection())
    changed = {href for href in before if before[href] != after.get(href)}
    names = {href.rsplit("/", 1)[1] for href in changed}
    want = {urllib.request.quote(uid_of[m["id"]], safe="-_.") + ".ics"
            for m in (edited, cancelled)}
    assert names == want, (names, want)
    assert set(after) <= set(before)
    compare_with_server(world)
    objects = world.server.report(world.collection(), "20000101T000000Z", "20991231T000000Z")
    statuses = {str(e["UID"]): str(e.get("STATUS")) for c in objects.values()
                for e in c.walk("VEVENT")}
    assert statuses[uid_of[cancelled["id"]]] == "CANCELLED"


@case
def a_resource_changed_on_the_server_is_reported_not_overwritten(world):
    number, uid = sqlite3.connect(world.db).execute(
        "SELECT id, uid FROM meeting WHERE status = 'planned' AND series_id IS NULL "
        "ORDER BY date DESC LIMIT 1").fetchone()
    meeting = next(m for m in world.meetings() if m["id"] == number)
    href = world.collection() + urllib.request.quote(uid, safe="-_.") + ".ics"
    status, body, _ = world.server.http("GET", href)
    assert status == 200
    theirs = body.decode().replace("SUMMARY:", "SUMMARY:改在服务器上 ", 1)
    assert world.server.http("PUT", href, theirs, {"Content-Type": "text/calendar"})[0] in (201, 204)
    world.run("meeting", "edit", str(meeting["id"]), "--location", "政府第八会议室")
    done = world.run("publish", expect=1)
    assert meeting["title"] in done.stderr and "--force" in done.stderr, done.stderr
    assert "改在服务器上" in world.server.http("GET", href)[1].decode()
    # Not recorded as published: the next publish reports it again.
    assert "--force" in world.run("publish", expect=1).stderr
    forced = world.run("publish", "--force")
    assert summary_counts(forced.stderr)[1] >= 1, forced.stderr
    now = world.server.http("GET", href)[1].decode()
    assert "改在服务器上" not in now and "政府第八会议室" in now
    assert summary_counts(world.run("publish").stderr)[:3] == (0, 0, 0)


@case
def a_leader_gets_their_meetings_and_what_waits_as_todos(world):
    world.run("publish", "--person", "州长")
    number = sqlite3.connect(world.db).execute(
        "SELECT id FROM person WHERE name = '州长'").fetchone()[0]
    collection = world.collection("-%d" % number)
    events = world.server.report(collection, "20000101T000000Z", "20991231T000000Z")
    assert events
    for calendar in events.values():
        for event in calendar.walk("VEVENT"):
            attendees = event.get("ATTENDEE")
            attendees = attendees if isinstance(attendees, list) else [attendees]
            assert "州长" in [a.params.get("CN") for a in attendees], str(event["SUMMARY"])
    todos = world.server.report(collection, "20000101T000000Z", "20991231T000000Z", "VTODO")
    assert todos, "no to-dos in the leader's calendar"
    # Invited: in the leader's calendar; not invited any more: gone from it, with DELETE.
    db = sqlite3.connect(world.db)
    meeting, uid = db.execute(
        "SELECT id, uid FROM meeting WHERE status = 'planned' AND series_id IS NULL AND id NOT IN "
        "(SELECT meeting_id FROM attendee WHERE person_id = ?) ORDER BY date LIMIT 1",
        (number,)).fetchone()
    world.run("meeting", "invite", str(meeting), "--person", "州长", "--as", "guest")
    assert summary_counts(world.run("publish", "--person", "州长").stderr)[:3] == (1, 0, 0)
    world.run("meeting", "uninvite", str(meeting), "--person", "州长")
    before = world.server.etags(collection)
    done = world.run("publish", "--person", "州长")
    assert summary_counts(done.stderr)[:3] == (0, 0, 1), done.stderr
    after = world.server.etags(collection)
    gone = set(before) - set(after)
    assert [href.rsplit("/", 1)[1] for href in gone] == \
        [urllib.request.quote(uid, safe="-_.") + ".ics"], gone


@case
def a_network_failure_midway_leaves_the_next_publish_to_finish(world):
    proxy = BreakingProxy(world.server.port)
    try:
        home = "http://127.0.0.1:%d/%s/" % (proxy.port, USER)
        config = os.path.join(world.root, "proxied")
        os.makedirs(config + "/huiwu")
        with open(config + "/huiwu/publish.ini", "w") as out:
            out.write("url = %s\nuser = %s\npassword = %s\n" % (home, USER, PASSWORD))
        env = dict(world.env, XDG_CONFIG_HOME=config)

        def publish():
            return subprocess.run([BINARY, "publish"], env=env, capture_output=True, text=True)

        first = publish()
        assert first.returncode == 0, first.stderr
        total = summary_counts(first.stderr)[0]
        collection = home + "huiwu-ili/"
        recorded = "SELECT count(*) FROM published WHERE collection = ?"
        assert sqlite3.connect(world.db).execute(recorded, (collection,)).fetchone()[0] == total
        singles = [row[0] for row in sqlite3.connect(world.db).execute(
            "SELECT id FROM meeting WHERE status = 'planned' AND series_id IS NULL "
            "ORDER BY date LIMIT 5")]
        for number in singles:
            world.run("meeting", "edit", str(number), "--location", "政府第七会议室")
        before = world.server.etags(world.collection())
        proxy.budget = 4  # the collection's PROPFIND and a PUT or two, then the network is gone
        broken = publish()
        assert broken.returncode == 1 and len(broken.stderr.strip().splitlines()) == 1, \
            broken.stderr
        middle = world.server.etags(world.collection())
        sent = sum(1 for href in before if middle.get(href) != before[href])
        assert 0 < sent < len(singles), sent
        proxy.budget = None
        done = publish()
        assert done.returncode == 0, done.stderr
        assert summary_counts(done.stderr)[:3] == (0, len(singles) - sent, 0), done.stderr
        assert "--force" not in done.stderr
    finally:
        proxy.stop()


@case
def a_second_client_reads_the_same_events(world):
    client = caldav.DAVClient(url=world.server.home, username=USER, password=PASSWORD)
    calendars = {str(c.url): c for c in client.principal().calendars()}
    calendar = calendars[world.collection()]
    uids = {str(e.icalendar_instance.walk("VEVENT")[0]["UID"]) for e in calendar.events()}
    db = sqlite3.connect(world.db)
    ours = {row[0] for row in db.execute(
        "SELECT uid FROM published WHERE collection = ?", (world.collection(),))}
    assert uids == ours, (len(uids), len(ours))
    # The password is in the config file alone, never in the database.
    assert PASSWORD.encode() not in open(world.db, "rb").read()


def main():
    root = tempfile.mkdtemp(prefix="huiwu-publish-")
    server = None
    print("1..%d" % len(TESTS))
    failed = 0
    try:
        server = Server(os.path.join(root, "server"))
        world = World(root, server)
        world.run("init", "--gov", "ili", "--demo")
        for number, test in enumerate(TESTS, 1):
            try:
                test(world)
                print("ok %d - %s" % (number, test.__name__))
            except Exception:
                failed += 1
                print("not ok %d - %s" % (number, test.__name__))
                for line in traceback.format_exc().splitlines():
                    print("# " + line)
    finally:
        if server is not None:
            server.stop()
        shutil.rmtree(root, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
