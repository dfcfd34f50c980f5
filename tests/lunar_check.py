#!/usr/bin/python3
"""data/holidays/statutory.txt against two independent sources (TAP output):

1. an astronomical computation with PyEphem (Debian's python3-ephem): new moons and the sun's
   apparent longitude, in Beijing time, numbered by the rules of GB/T 33661-2017 (the month that
   holds the winter solstice is the eleventh; in a year of thirteen months the first month
   without a principal term is the leap month) — 除夕 is the day before 正月初一, 清明 the day the
   sun reaches 15°, 端午 五月初五, 中秋 八月十五;
2. the State Council's published arrangements shipped in data/holidays/YYYY.txt: every statutory
   day of the table for such a year is a day off there.

Where the table and the computation disagree, the published tables win (the table follows the
Hong Kong Observatory and the Purple Mountain Observatory) and this test fails, so a person looks:
a new moon within minutes of midnight is where implementations differ (ICU 72 puts 2027's
正月初一 on 02-07; the new moon falls at 23:56 Beijing time on 02-06, which both the published
tables and this computation give).
"""
import datetime
import math
import os
import sys

DATA = os.environ.get("HUIWU_SOURCE_DATA", os.path.join(os.path.dirname(__file__), "..", "data"))
BEIJING = datetime.timedelta(hours=8)


def main():
    try:
        import ephem
    except ImportError:
        print("1..0 # SKIP python3-ephem is not installed")
        return 0

    def beijing_date(moment):
        return (ephem.Date(moment).datetime() + BEIJING).date()

    def sun_longitude(moment):
        sun = ephem.Sun()
        sun.compute(moment, epoch=moment)  # apparent place, equinox of date
        return math.degrees(ephem.Ecliptic(sun, epoch=moment).lon)

    def term(year, longitude, month):
        """The moment the sun's apparent longitude reaches `longitude`, near `month` of `year`."""
        low = ephem.Date(datetime.datetime(year, month, 1)) - 20
        high = low + 50
        for _ in range(60):
            middle = (low + high) / 2
            if (sun_longitude(middle) - longitude + 180) % 360 - 180 < 0:
                low = middle
            else:
                high = middle
        return ephem.Date(low)

    def new_moons(start, end):
        moments, moment = [], ephem.Date(start)
        while True:
            moment = ephem.next_new_moon(moment)
            if moment > ephem.Date(end):
                return moments
            moments.append(beijing_date(moment))
            moment = ephem.Date(moment + 1)

    def principal_terms(years):
        # 冬至 at 270°, then every 30°: 大寒 300° … 小雪 240°.
        return sorted(beijing_date(term(y, (270 + 30 * k) % 360, 12 if k == 0 else k))
                      for y in years for k in range(12))

    def months_of(year):
        """(number, is_leap, first day) of the lunar months from the 11th month of year-1 on."""
        solstice_before = beijing_date(term(year - 1, 270, 12))
        solstice = beijing_date(term(year, 270, 12))
        moons = new_moons(datetime.datetime(year - 1, 10, 1), datetime.datetime(year + 1, 2, 1))
        start = max(m for m in moons if m <= solstice_before)
        end = max(m for m in moons if m <= solstice)
        firsts = [m for m in moons if start <= m <= end]
        terms = principal_terms([year - 1, year])
        thirteen = len(firsts) - 1 == 13
        months, number, leap_taken = [], 11, False
        for i, first in enumerate(firsts[:-1]):
            has_term = any(first <= t < firsts[i + 1] for t in terms)
            if i > 0:
                if thirteen and not leap_taken and not has_term:
                    months.append((number, True, first))
                    leap_taken = True
                    continue
                number = number % 12 + 1
            months.append((number, False, first))
        return months

    def computed(year):
        months = months_of(year)
        first_of = {n: d for n, leap, d in months if not leap and not (n >= 11 and d.year < year)}
        day = datetime.timedelta(days=1)
        return (first_of[1] - day, beijing_date(term(year, 15, 4)), first_of[5] + 4 * day,
                first_of[8] + 14 * day)

    rows = []
    with open(os.path.join(DATA, "holidays", "statutory.txt"), encoding="utf-8") as table:
        for line in table:
            fields = line.split("#")[0].split()
            if fields:
                rows.append((int(fields[0]),
                             [datetime.date.fromisoformat(f) for f in fields[1:5]]))
    published = {}
    for year, _ in rows:
        path = os.path.join(DATA, "holidays", "%d.txt" % year)
        if os.path.exists(path):
            with open(path, encoding="utf-8") as arrangement:
                published[year] = {l.split()[0] for l in arrangement
                                   if l.split("#")[0].split()[1:2] == ["off"]}

    print("1..%d" % (len(rows) + len(published)))
    failed = 0
    number = 0
    names = ("除夕", "清明", "端午", "中秋")
    for year, dates in rows:
        number += 1
        expected = computed(year)
        wrong = ["%s %s, computed %s" % (n, d, e) for n, d, e in zip(names, dates, expected) if d != e]
        if wrong:
            failed += 1
            print("not ok %d - %d agrees with the astronomical computation" % (number, year))
            for w in wrong:
                print("# " + w)
        else:
            print("ok %d - %d agrees with the astronomical computation" % (number, year))
    for year, dates in rows:
        if year not in published:
            continue
        number += 1
        eve, qingming, duanwu, zhongqiu = dates
        # Before the 2024 amendment took effect (2025), 春节 began on 正月初一, not 除夕.
        first = 0 if year >= 2025 else 1
        statutory = [eve + datetime.timedelta(days=i) for i in range(first, 4)] + [qingming, duanwu,
                                                                                    zhongqiu]
        missing = [d.isoformat() for d in statutory if d.isoformat() not in published[year]]
        if missing:
            failed += 1
            print("not ok %d - %d.txt has every statutory day of the table off" % (number, year))
            print("# not off there: " + ", ".join(missing))
        else:
            print("ok %d - %d.txt has every statutory day of the table off" % (number, year))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
