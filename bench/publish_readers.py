#!/usr/bin/python3
"""What reading a published collection costs Radicale (bench/README.md, bench_publish).

    /usr/bin/python3 bench/publish_readers.py CALENDAR.ics

Starts Radicale (Debian's python3-radicale) on a free loopback port with a temporary storage,
puts CALENDAR.ics (e.g. `huiwu export ics` of the database that `bench_publish -k` kept) into
one collection with one PUT to the collection's address (Radicale's upload: one resource per
UID), then times what the calendars on leaders' phones ask: a month's calendar-query, a
PROPFIND Depth 1 of every ETag, a first sync-collection and one with its token (nothing
changed). Each line: the status, the wall time and Radicale's CPU time (from /proc)."""
import base64, http.client, os, re, shutil, socket, subprocess, sys, tempfile, time
if len(sys.argv) != 2:
    sys.exit(__doc__)
ics = open(sys.argv[1], "rb").read()
d = tempfile.mkdtemp(prefix="readers")
s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close()
open(d + "/users", "w").write("clerk:secret\n")
open(d + "/r.ini", "w").write(f"[server]\nhosts = 127.0.0.1:{port}\n[auth]\ntype = htpasswd\nhtpasswd_filename = {d}/users\nhtpasswd_encryption = plain\ndelay = 0\n[storage]\nfilesystem_folder = {d}/storage\n[rights]\ntype = owner_only\n[logging]\nlevel = warning\n")
server = subprocess.Popen(["/usr/bin/python3", "-m", "radicale", "--config", d + "/r.ini"])
for _ in range(200):
    try: socket.create_connection(("127.0.0.1", port)).close(); break
    except OSError: time.sleep(0.05)
def cpu():
    f = open(f"/proc/{server.pid}/stat").read(); f = f[f.rindex(")") + 2:].split()
    return (int(f[11]) + int(f[12])) * 1000 / os.sysconf("SC_CLK_TCK")
auth = "Basic " + base64.b64encode(b"clerk:secret").decode()
def req(what, method, path, body=b"", headers={}):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=3600)
    h = {"Authorization": auth}; h.update(headers)
    c0 = cpu(); t = time.monotonic()
    c.request(method, path, body=body, headers=h); r = c.getresponse(); data = r.read()
    print(f"{what:55s} {r.status} {1000*(time.monotonic()-t):10.0f} ms wall {cpu()-c0:9.0f} ms Radicale CPU {len(data):10d} bytes", flush=True)
    return data
req("PROPFIND the principal", "PROPFIND", "/clerk/", headers={"Depth": "0"})
req("seed: PUT the whole calendar to the collection", "PUT", "/clerk/cal/", ics, {"Content-Type": "text/calendar"})
q = b'''<?xml version="1.0"?><C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:prop><D:getetag/><C:calendar-data/></D:prop><C:filter><C:comp-filter name="VCALENDAR"><C:comp-filter name="VEVENT"><C:time-range start="20260601T000000Z" end="20260701T000000Z"/></C:comp-filter></C:comp-filter></C:filter></C:calendar-query>'''
for i in range(2):
    req("REPORT calendar-query, one month (June 2026)", "REPORT", "/clerk/cal/", q, {"Depth": "1", "Content-Type": "application/xml"})
p = b'<?xml version="1.0"?><D:propfind xmlns:D="DAV:"><D:prop><D:getetag/></D:prop></D:propfind>'
req("PROPFIND Depth 1, every ETag", "PROPFIND", "/clerk/cal/", p, {"Depth": "1", "Content-Type": "application/xml"})
sc = b'<?xml version="1.0"?><D:sync-collection xmlns:D="DAV:"><D:sync-token/><D:sync-level>1</D:sync-level><D:prop><D:getetag/></D:prop></D:sync-collection>'
data = req("REPORT sync-collection, first (no token)", "REPORT", "/clerk/cal/", sc, {"Content-Type": "application/xml"})
token = re.search(rb"<sync-token>([^<]*)</sync-token>", data).group(1)
sc2 = sc.replace(b"<D:sync-token/>", b"<D:sync-token>" + token + b"</D:sync-token>")
req("REPORT sync-collection, again (nothing changed)", "REPORT", "/clerk/cal/", sc2, {"Content-Type": "application/xml"})
server.terminate(); server.wait(); shutil.rmtree(d)
