#!/usr/bin/python3
"""The terminal UI driven through tmux at a fixed size, as a clerk or a leader would use it.

Each case starts huiwu on a fresh demo database of Yiwu (today fixed at 2026-11-23), types
keys with `tmux send-keys`, reads the screen with `tmux capture-pane` and asserts its text.
What the UI changed is checked again through the command line. Output is TAP.

Needs: tmux, the huiwu binary ($HUIWU_BINARY), the data folder ($HUIWU_SOURCE_DATA).
"""
import concurrent.futures
import itertools
import json
import os
import shutil
import sqlite3
import re
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import unicodedata

BINARY = os.environ.get("HUIWU_BINARY", "build/huiwu")
TODAY = "2026-11-23"
WAIT_SECONDS = float(os.environ.get("HUIWU_UI_WAIT", "15"))
# Cases run side by side, each huiwu in its own tmux server: most of a case is waiting for the
# screen, so several at once keep two cores busy without slowing any one down.
JOBS = int(os.environ.get("HUIWU_UI_JOBS", "8"))
# The demo database of each government, made once per run and copied for every case.
TEMPLATES = {}
TEMPLATES_LOCK = threading.Lock()
SOCKET_NUMBERS = itertools.count(1)


def columns(text):
    """Display columns, as a terminal counts them."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


class Screen:
    """One huiwu running in its own tmux server."""

    def __init__(self, workdir, args=(), env=None, size=(80, 24), government="yiwu", db=None):
        self.workdir = workdir
        self.socket = "huiwu-test-%d-%d" % (os.getpid(), next(SOCKET_NUMBERS))
        self.db = db or os.path.join(workdir, "demo.db")
        if db is None:
            shutil.copyfile(demo_template(government), self.db)
        variables = {"HUIWU_TODAY": TODAY, "LC_ALL": "C.UTF-8", "LANGUAGE": "zh_CN",
                     "TERM": "xterm-256color", "HUIWU_DB": self.db,
                     # The user's holiday folder of this case alone (holidays import writes there).
                     "XDG_DATA_HOME": os.path.join(workdir, "xdg"),
                     # The built-in minutes editor unless a case sets its own.
                     "EDITOR": None, "VISUAL": None}
        variables.update(env or {})
        assignments = " ".join("%s='%s'" % item for item in variables.items() if item[1] is not None)
        unset = " ".join("-u %s" % k for k, v in variables.items() if v is None)
        command = "cd '%s' && env %s %s '%s' %s; echo EXIT=$?; sleep 600" % (
            workdir, unset, assignments, os.path.abspath(BINARY), " ".join(args))
        self.tmux("-f", "/dev/null", "new-session", "-d", "-s", "t", "-x", str(size[0]),
                  "-y", str(size[1]), command)

    def tmux(self, *args):
        environment = dict(os.environ, LC_ALL="C.UTF-8")
        environment.pop("TMUX", None)
        return subprocess.run(["tmux", "-u", "-L", self.socket] + list(args), env=environment,
                              capture_output=True, text=True, check=True).stdout

    def cli(self, *args):
        environment = dict(os.environ, HUIWU_TODAY=TODAY, LC_ALL="C.UTF-8", LANGUAGE="en",
                           XDG_DATA_HOME=os.path.join(self.workdir, "xdg"))
        return subprocess.run([BINARY, "--db", self.db] + list(args), env=environment,
                              capture_output=True, text=True, check=True).stdout

    def text(self):
        return self.tmux("capture-pane", "-p", "-t", "t")

    def lines(self):
        return self.text().split("\n")

    def keys(self, *keys):
        for key in keys:
            self.tmux("send-keys", "-t", "t", key)
        time.sleep(0.15)

    def type(self, text):
        self.tmux("send-keys", "-t", "t", "-l", text)
        time.sleep(0.15)

    def wait(self, wanted, absent=False):
        """Waits until `wanted` is on the screen (or gone, with absent); returns the screen."""
        deadline = time.time() + WAIT_SECONDS
        while True:
            screen = self.text()
            if (wanted in screen) != absent:
                return screen
            if time.time() > deadline:
                raise AssertionError("%r %s the screen:\n%s" % (
                    wanted, "still on" if absent else "never appeared on", screen))
            time.sleep(0.1)

    def select(self, wanted, key="j", limit=60):
        """Moves the selection ('>' in the first column) to the line containing `wanted`."""
        for _ in range(limit):
            for line in self.lines():
                if line.startswith(">") and wanted in line:
                    return line
            self.keys(key)
        raise AssertionError("could not select %r:\n%s" % (wanted, self.text()))

    def resize(self, width, height):
        self.tmux("resize-window", "-t", "t", "-x", str(width), "-y", str(height))

    def close(self):
        try:
            self.tmux("kill-server")
        except subprocess.CalledProcessError:
            pass


def demo_template(government):
    """The path of a demo database of `government`, made on first use."""
    with TEMPLATES_LOCK:
        if government not in TEMPLATES:
            directory = tempfile.mkdtemp(prefix="huiwu-ui-template-")
            path = os.path.join(directory, "demo.db")
            environment = dict(os.environ, HUIWU_TODAY=TODAY, LC_ALL="C.UTF-8", LANGUAGE="en")
            subprocess.run([BINARY, "--db", path, "init", "--gov", government, "--demo"],
                           env=environment, capture_output=True, check=True)
            TEMPLATES[government] = path
        return TEMPLATES[government]


def choose(screen, text, wanted=None):
    """In a form's choice field: opens the list (Space), filters it by `text`, takes the
    first match, and waits until the field shows `wanted` (default: the text)."""
    screen.keys("Space")
    screen.wait("输入以筛选")
    screen.type(text)
    screen.keys("Enter")
    screen.wait("‹ " + (wanted or text))


def quit_cleanly(screen):
    """Q asks before leaving the program; yes ends it with status 0."""
    screen.keys("Q")
    deadline = time.time() + WAIT_SECONDS
    while not any(question in screen.text() for question in ("退出 huiwu？", "Quit huiwu?")):
        if time.time() > deadline:
            raise AssertionError("Q did not ask:\n" + screen.text())
        time.sleep(0.1)
    screen.keys("y")
    screen.wait("EXIT=")
    assert "EXIT=0" in screen.text(), screen.text()


# ---- the cases ----

def test_calendar_opens_in_chinese(screen):
    text = screen.wait("伊吾县 · 日历")
    assert "2026年11月" in text, text
    assert "周一" in text and "周日" in text, text
    assert "[23]" in text, "today is bracketed:\n" + text
    # The day's heading beside the grid names the selected day.
    assert "2026-11-23 周一" in text, text
    quit_cleanly(screen)


def test_holidays_and_makeup_days_marked(screen):
    screen.wait("伊吾县 · 日历")
    screen.keys("g")
    screen.wait("转到日期")
    screen.keys("C-u")
    screen.type("2026-02-14")
    screen.keys("Enter")
    text = screen.wait("2026年2月")
    # 2026-02-14 is a Saturday made a working day, 02-15..23 the Spring Festival.
    assert "14班" in text.replace(" ", ""), text
    assert "16休" in text.replace(" ", ""), text
    assert "调休上班日 春节调休上班" in text or "春节调休上班" in text, text
    quit_cleanly(screen)


def test_provisional_holidays_marked(screen):
    """2027's arrangement is not published: its statutory days show 休? and the note says so."""
    screen.wait("伊吾县 · 日历")
    screen.keys("g")
    screen.wait("转到日期")
    screen.keys("C-u")
    screen.type("2027-02-05")
    screen.keys("Enter")
    text = screen.wait("2027年2月")
    compact = text.replace(" ", "")
    # 除夕 (02-05) to 初三 (02-08) are the four statutory days of 春节.
    for day in ("5休?", "6休?", "7休?", "8休?"):
        assert day in compact, text
    assert "9休?" not in compact and "4休?" not in compact, text
    assert "暂定节假日 春节" in text, text
    assert "2027年假期暂定，通知未发布" in text, text
    quit_cleanly(screen)


def test_new_meeting_on_a_provisional_holiday_warns(screen):
    """The meeting form says so as the date is left; the warning does not stop the clerk."""
    screen.wait("伊吾县 · 日历")
    screen.keys("n")
    screen.wait("新建会议")
    screen.keys("Right")
    screen.wait("伊吾县人民政府常务会议")
    screen.keys("Tab", "C-u")
    screen.type("2026-12-01")
    screen.keys("Tab")
    text = screen.wait("开始时间")
    # The twin: a date in 2026, whose arrangement is published, says nothing.
    assert "暂定" not in text and "尚未发布" not in text, text
    screen.keys("Up", "C-u")
    screen.type("2027-01-01")
    screen.keys("Tab")
    text = screen.wait("日期：2027-01-01是元旦，法定节假日（暂定：2027年节假日安排尚未发布）")
    assert all(columns(line) <= 80 for line in text.split("\n")), text
    screen.keys("C-s")
    screen.wait("已创建")
    made = screen.cli("meeting", "list", "--from", "2027-01-01", "--to", "2027-01-01")
    assert "2027-01-01" in made, made
    quit_cleanly(screen)


def goto(screen, date):
    screen.keys("g")
    screen.wait("转到日期")
    screen.keys("C-u")
    screen.type(date)
    screen.keys("Enter")


def test_heading_and_status_line_mark_a_provisional_year(screen):
    screen.wait("伊吾县 · 日历")
    goto(screen, "2027-01-15")
    text = screen.wait("2027年1月 · 假日暂定")
    lines = text.rstrip("\n").split("\n")
    assert "2027年假日暂定" in lines[-1], text
    assert all(columns(line) <= 80 for line in lines), text
    # The twin: November 2026 has its published arrangement.
    goto(screen, "2026-11-10")
    text = screen.wait("2026年11月")
    assert "假日暂定" not in text, text
    quit_cleanly(screen)


def test_queues_mark_provisional_deadlines(screen):
    """A meeting held on 2026-12-28 (today 2026-12-30): the document it decided is due to be
    handed over across 元旦 2027 (Yiwu 39: within 4 working days)."""
    screen.wait("伊吾县 · 日历")
    environment = dict(os.environ, HUIWU_TODAY="2026-12-30", LC_ALL="C.UTF-8", LANGUAGE="en")

    def cli(*args):
        return subprocess.run([BINARY, "--db", screen.db] + list(args), env=environment,
                              capture_output=True, text=True, check=True).stdout

    meeting = cli("meeting", "add", "--type", "executive", "--date", "2026-12-28", "--time",
                  "09:30", "--title", "岁末常务会议").split()[0]
    cli("meeting", "held", meeting)
    cli("doc", "add", "--meeting", meeting, "--title", "关于岁末工作的通知")
    screen.keys("3")
    text = screen.wait("关于岁末工作的通知")
    line = [l for l in text.split("\n") if "关于岁末工作的通知" in l][0]
    assert "2027-01-04?" in line, text
    assert "暂定，计算跨越节假日安排尚未发布的年份" in text, text
    # The twin: the deadlines inside 2026 carry no mark.
    others = [l for l in text.split("\n") if "个工作日" in l and "关于岁末工作的通知" not in l]
    assert others and all("?" not in l for l in others), text
    # The meeting itself: the document's due date is marked too.
    screen.select("关于岁末工作的通知")
    screen.keys("Enter")
    text = screen.wait("岁末常务会议")
    text = screen.wait("关于岁末工作的通知")
    line = [l for l in text.split("\n") if "关于岁末工作的通知" in l][0]
    assert "2027-01-04" in line and "（暂定）" in line, text
    quit_cleanly(screen)


def test_month_marks_meetings_and_findings(screen):
    text = screen.wait("伊吾县 · 日历")
    lines = text.split("\n")
    # 2026-11-28 is a Saturday with an executive meeting: marked 常 and, below, '!'.
    week = [i for i, line in enumerate(lines) if "[23]" in line][0]
    assert "常" in lines[week + 1], text
    assert "!" in lines[week + 2], text
    screen.keys("l", "l", "l", "l", "l")
    text = screen.wait("2026-11-28 周六")
    assert "周末" in text and "伊吾县人民政府常务会议" in text, text
    quit_cleanly(screen)


def open_meeting_on(screen, date, title):
    """From the calendar: go to `date`, choose the meeting whose screen shows `title` (its
    number, its time), open it."""
    screen.keys("1")
    screen.wait("· 日历")
    screen.keys("g", "C-u")
    screen.type(date)
    screen.keys("Enter")
    screen.wait(date)
    screen.keys("Tab")  # to the day's meetings; they stay chosen after coming back
    for _ in range(6):
        screen.keys("Enter")
        text = screen.wait("· 会议")
        if title in text:
            return text
        screen.keys("q")
        screen.wait("· 日历")
        screen.keys("j")
    raise AssertionError("no meeting %r on %s" % (title, date))


def test_approving_leave_ends_the_clash(screen):
    screen.wait("伊吾县 · 日历")
    # The water bureau's meeting at 10:00 clashes with the executive meeting for the deputy.
    text = open_meeting_on(screen, "2026-12-14", "#13")
    assert "时间冲突" in text or "时间冲突" in screen.text(), text
    screen.keys("NPage", "NPage", "NPage")
    text = screen.wait("时间冲突")
    # No article forbids a double booking: huiwu's own judgement cites none and says so.
    assert "规则未作规定，不引条款" in text.replace("\n", "").replace(" ", ""), text
    screen.keys("q")
    screen.wait("· 日历")
    text = open_meeting_on(screen, "2026-12-14", "#12")
    line = screen.select("副县长（分管农业农村）")
    assert "已请假" in line or "请假待批" in line or "请假" in line, line
    screen.keys("a")
    screen.wait("审批人")
    screen.keys("Enter")
    screen.wait("y：是")
    screen.keys("y")
    screen.wait("已批准")
    screen.keys("q")
    screen.wait("· 日历")
    open_meeting_on(screen, "2026-12-14", "#13")
    screen.keys("NPage", "NPage", "NPage")
    # The clash is gone; the deputy at a department's meeting is still reported (yiwu 40).
    screen.wait("政府领导出席部门会议")
    assert "时间冲突" not in screen.text(), screen.text()
    assert "[approved]" in [l for l in screen.cli("leave", "list").split("\n") if "#4 " in l][0]
    quit_cleanly(screen)


def test_new_meeting_form_refuses_a_wrong_date(screen):
    screen.wait("伊吾县 · 日历")
    before = screen.cli("meeting", "list", "--from", "2026-12-01", "--to", "2026-12-01")
    screen.keys("n")
    text = screen.wait("新建会议")
    # Only the types the rules define are offered: the first is the plenary meeting.
    assert "伊吾县人民政府全体会议" in text, text
    screen.keys("Right")
    screen.wait("伊吾县人民政府常务会议")
    screen.keys("Tab", "C-u")
    screen.type("2026-02-30")
    screen.keys("Tab")
    text = screen.wait("不是日期")
    screen.keys("C-u")
    screen.type("2026-12-01")
    screen.keys("Tab")
    screen.wait("不是日期", absent=True)
    screen.keys("Tab")  # starts 09:30
    screen.keys("C-u")
    screen.type("11:30")
    screen.keys("Tab")  # ends
    screen.type("研究冬季供暖保障工作")  # the title, typed in Chinese
    screen.keys("C-s")
    text = screen.wait("已创建")
    after = screen.cli("meeting", "list", "--from", "2026-12-01", "--to", "2026-12-01")
    assert "研究冬季供暖保障工作" in after and "研究冬季供暖保障工作" not in before, after
    assert "11:30" in after, after
    quit_cleanly(screen)


def test_refusal_shows_rule_and_clause(screen):
    screen.wait("伊吾县 · 日历")
    screen.keys("N")
    screen.wait("新建定期会议系列")
    # The executive meeting every week breaks the rules' frequency.
    screen.keys("Right", "C-s")
    text = screen.wait("第三十六条")
    assert "伊政发〔2023〕112号" in text.replace("\n", "").replace("|", ""), text
    screen.keys("Escape")  # the type was changed: discarding asks
    screen.wait("放弃本表单中已填写的内容？")
    screen.keys("y")
    screen.wait("新建定期会议系列", absent=True)
    assert "series" not in screen.cli("series", "list") or screen.cli("series", "list").strip() == ""
    quit_cleanly(screen)


def test_resize_and_minimum_size(screen):
    screen.wait("伊吾县 · 日历")
    screen.resize(70, 20)
    text = screen.wait("80×24")
    assert "70×20" in text, text
    screen.resize(100, 30)
    text = screen.wait("伊吾县 · 日历")
    assert "80×24" not in text, text
    assert len(text.split("\n")[0].rstrip()) > 80, "uses the wider terminal:\n" + text
    # Inside a form: what was typed survives the resize, keys typed while too small do not count.
    screen.keys("n")
    screen.wait("新建会议")
    screen.keys("Tab", "Tab", "Tab", "Tab")
    screen.type("年终总结")
    screen.resize(60, 20)
    screen.wait("80×24")
    screen.type("xyz")
    screen.resize(80, 24)
    text = screen.wait("新建会议")
    assert "年终总结" in text and "xyz" not in text, text
    screen.keys("Escape")
    screen.wait("放弃本表单中已填写的内容？")
    screen.keys("y")
    screen.wait("新建会议", absent=True)
    quit_cleanly(screen)


def test_help_lists_the_keys_of_the_view(screen):
    screen.wait("伊吾县 · 日历")
    screen.keys("?")
    text = screen.wait("按键")
    assert "Ctrl-L" in text and "今天" in text, text
    screen.keys("q")
    screen.wait("· 日历")
    quit_cleanly(screen)


def test_read_only_refuses_edits(screen):
    text = screen.wait("伊吾县 · 日历")
    assert "只读" in text.split("\n")[0], text
    before = screen.cli("meeting", "list")
    screen.keys("n")
    text = screen.wait("只读")
    assert "类型*" not in text, "no form opens:\n" + text
    assert "不能新建会议" in text, text
    assert screen.cli("meeting", "list") == before
    quit_cleanly(screen)


def test_chinese_columns_align(screen):
    screen.wait("伊吾县 · 日历")
    open_meeting_on(screen, "2026-11-26", "#6")
    rows = [line for line in screen.lines() if "组成人员" in line or "列席人员" in line]
    assert len(rows) > 5, screen.text()
    # The third column (the title) starts at the same display column in every row.
    starts = set()
    for row in rows:
        name_start = row.index("人员") + 2
        rest = row[name_start:].lstrip()
        name = rest.split(" ")[0]
        title_at = row.index(rest[len(name):].lstrip(), name_start + len(name))
        starts.add(columns(row[:title_at]))
    assert len(starts) == 1, (starts, rows)
    quit_cleanly(screen)


def test_search_with_chinese_input_and_backspace(screen):
    screen.wait("伊吾县 · 日历")
    screen.keys("/")
    screen.wait("搜索")
    screen.type("常务会")
    screen.keys("BSpace")  # removes 会, the whole character
    screen.keys("Enter")
    text = screen.wait("包含“常务”")
    assert "伊吾县人民政府常务会议" in text, text
    screen.select("伊吾县人民政府常务会议")
    screen.keys("Enter")
    screen.wait("· 会议")
    quit_cleanly(screen)


def test_agenda_for_one_leader(screen):
    screen.wait("伊吾县 · 日历")
    screen.keys("2")
    screen.wait("· 日程")
    screen.keys("p")
    screen.type("县长  县长")
    screen.keys("Enter")
    text = screen.wait("待县长办理")
    assert "同一时间出席水利局召开的会议" in text or "参加上级部门视频会议" in text, text
    quit_cleanly(screen)


def test_queues_overdue_first(screen):
    screen.wait("伊吾县 · 日历")
    screen.keys("3")
    text = screen.wait("办理时限")
    lines = text.split("\n")
    heading = [i for i, line in enumerate(lines) if "办理时限" in line][0]
    assert "逾期" in lines[heading + 1], text
    # Unsigned minutes are tracked with no due date: no document sets one.
    minutes = [i for i, line in enumerate(lines) if "待签发的会议纪要（规则未设时限）" in line]
    assert minutes and "#" in lines[minutes[0] + 1], text
    assert "签发纪要" not in text, text
    quit_cleanly(screen)


def test_without_colour(screen):
    text = screen.wait("伊吾县 · 日历")
    assert "[23]" in text, text
    screen.keys("3")
    screen.wait("· 待办事项")
    quit_cleanly(screen)


def test_english_where_the_locale_asks(screen):
    text = screen.wait("伊吾县 · Calendar")
    assert "Mon" in text and "2026-11" in text, text
    quit_cleanly(screen)


def test_chinese_under_lang_alone(screen):
    # LANG=zh_CN.UTF-8 with no LC_ALL or LANGUAGE, on a machine where that locale is not
    # generated (as here: `locale -a` lists C.UTF-8 alone): the UI is Chinese all the same.
    text = screen.wait("伊吾县 · 日历")
    assert "周一" in text and "2026年11月" in text, text
    assert "2026-11-23 周一" in text, text
    quit_cleanly(screen)


def test_rules_view_shows_clauses(screen):
    screen.wait("伊吾县 · 日历")
    screen.keys("5")
    text = screen.wait("· 会议规则")
    assert "伊吾县人民政府常务会议" in text and "〔伊政发〔2023〕112号" in text, text
    quit_cleanly(screen)


def test_minutes_and_documents(screen):
    screen.wait("伊吾县 · 日历")
    open_meeting_on(screen, "2026-11-16", "#5")
    screen.keys("m")
    screen.wait("Ctrl-S 或 F2：保存")
    screen.keys("C-u")
    screen.type("会议研究了高标准农田建设等事项。")
    screen.keys("C-s")
    screen.wait("会议纪要已保存")
    screen.keys("S")
    screen.wait("签发人")
    screen.keys("Enter")
    screen.wait("y：是")
    screen.keys("y")
    screen.wait("会议纪要已签发")
    assert screen.cli("minutes", "show", "5").startswith("signed"), screen.cli("minutes", "show", "5")
    # Signed minutes are frozen: writing again records an amendment.
    screen.keys("m")
    screen.wait("修正")
    screen.keys("C-u")
    screen.type("补充：资金由财政局统筹。")
    screen.keys("C-s")
    screen.wait("输入以筛选")
    screen.keys("Enter")
    screen.wait("修正已登记")
    assert "补充：资金由财政局统筹。" in screen.cli("minutes", "show", "5")
    screen.keys("NPage", "NPage")
    screen.wait("修正 2026-11-23（县长）：补充：资金由财政局统筹。")
    screen.keys("d")
    screen.wait("会议决定的文件标题")
    screen.type("关于加快高标准农田建设的通知")
    screen.keys("Enter")
    screen.wait("已登记")
    screen.select("关于加快高标准农田建设的通知")
    screen.keys("o")
    screen.wait("日期（YYYY-MM-DD）")
    screen.keys("Enter")
    # Yiwu 39's first step, named as the rule file names it.
    screen.wait("由组织发起单位报政府办公室，已登记")
    screen.select("关于加快高标准农田建设的通知")
    screen.keys("i")
    screen.wait("日期（YYYY-MM-DD）")
    screen.keys("Enter")
    screen.wait("已印发")
    documents = screen.cli("doc", "list", "--meeting", "5")
    line = [l for l in documents.split("\n") if "关于加快高标准农田建设的通知" in l][0]
    assert "由组织发起单位报政府办公室: done %s" % TODAY in line and "issued %s" % TODAY in line, line
    quit_cleanly(screen)


def test_a_refused_action_changes_nothing(screen):
    screen.wait("伊吾县 · 日历")
    open_meeting_on(screen, "2026-12-15", "#14")
    screen.keys("S")
    # Nobody may sign a department's meeting's minutes: whom the rules name, and the clause.
    screen.wait("第四十条〕")
    status = "".join(l.strip() for l in screen.lines()[-4:])
    assert "会议主持人" in status, screen.text()
    result = subprocess.run([BINARY, "--db", screen.db, "minutes", "show", "14"],
                            env=dict(os.environ, LANGUAGE="en", LC_ALL="C.UTF-8"),
                            capture_output=True, text=True)
    assert "signed" not in result.stdout, result.stdout
    quit_cleanly(screen)


def test_cancel_asks_first(screen):
    screen.wait("伊吾县 · 日历")
    open_meeting_on(screen, "2026-12-15", "#14")
    screen.keys("x")
    screen.wait("y：是")
    screen.keys("n")
    screen.wait("y：是", absent=True)
    assert "[cancelled]" not in screen.cli("meeting", "show", "14")
    screen.keys("x")
    screen.wait("y：是")
    screen.keys("y")
    screen.wait("会议 #14 已取消")
    assert "cancelled" in screen.cli("meeting", "show", "14")
    # x on the cancelled meeting offers to restore it; no keeps it cancelled, yes restores.
    screen.keys("x")
    screen.wait("已取消。恢复为计划中？")
    screen.keys("n")
    screen.wait("恢复为计划中？", absent=True)
    assert "cancelled" in screen.cli("meeting", "show", "14")
    screen.keys("x")
    screen.wait("已取消。恢复为计划中？")
    screen.keys("y")
    screen.wait("会议 #14 已恢复")
    assert "cancelled" not in screen.cli("meeting", "show", "14")
    quit_cleanly(screen)


def test_leaving_the_first_view_asks(screen):
    screen.wait("伊吾县 · 日历")
    # Esc in a view above the first goes back without a question.
    screen.keys("?")
    screen.wait("· 帮助")
    screen.keys("Escape")
    screen.wait("· 帮助", absent=True)
    assert "退出 huiwu？" not in screen.text(), screen.text()
    # Esc in the first view asks; no stays.
    screen.keys("Escape")
    screen.wait("退出 huiwu？")
    screen.keys("n")
    screen.wait("退出 huiwu？", absent=True)
    assert "EXIT=" not in screen.text(), screen.text()
    screen.keys("Q")
    screen.wait("退出 huiwu？")
    screen.keys("n")
    screen.wait("退出 huiwu？", absent=True)
    assert "EXIT=" not in screen.text(), screen.text()
    screen.keys("Escape")
    screen.wait("退出 huiwu？")
    screen.keys("y")
    screen.wait("EXIT=0")


def test_filled_form_asks_before_discarding(screen):
    screen.wait("伊吾县 · 日历")
    # An untouched form closes at once.
    screen.keys("n")
    screen.wait("新建会议")
    screen.keys("Escape")
    screen.wait("新建会议", absent=True)
    assert "放弃本表单" not in screen.text(), screen.text()
    # A filled one asks; no keeps what was typed, yes discards it.
    screen.keys("n")
    screen.wait("新建会议")
    screen.keys("Tab", "Tab", "Tab", "Tab")
    screen.type("研究春耕备耕工作")
    screen.keys("Escape")
    screen.wait("放弃本表单中已填写的内容？")
    screen.keys("n")
    screen.wait("放弃本表单", absent=True)
    assert "研究春耕备耕工作" in screen.wait("新建会议"), screen.text()
    screen.keys("Escape")
    screen.wait("放弃本表单中已填写的内容？")
    screen.keys("y")
    screen.wait("新建会议", absent=True)
    assert "研究春耕备耕工作" not in screen.cli("meeting", "list")
    quit_cleanly(screen)


def test_mark_held_refuses_a_future_meeting(screen):
    screen.wait("伊吾县 · 日历")
    open_meeting_on(screen, "2026-12-15", "#14")
    screen.keys("H")
    text = screen.wait("尚未举行")
    assert "y：是" not in text, "refused before asking:\n" + text
    assert "（e）" in text, text
    assert "held" not in screen.cli("meeting", "show", "14")
    quit_cleanly(screen)


def test_status_line_shows_the_views_keys(screen):
    # 80×24: each view's bottom line shows its most used keys, '?' (the rest) last.
    text = screen.wait("伊吾县 · 日历")
    bottom = text.rstrip("\n").split("\n")[-1]
    assert bottom.lstrip().startswith("n 新建 · Enter 打开"), text
    assert bottom.rstrip().endswith("? 帮助"), text
    text = open_meeting_on(screen, "2026-12-15", "#14")
    bottom = text.rstrip("\n").split("\n")[-1]
    assert "H 已召开 · T 议题 · L 请假 · m 纪要 · S 签发 · d 文件" in bottom, text
    assert bottom.rstrip().endswith("? 帮助"), text
    screen.keys("3")
    text = screen.wait("· 待办事项")
    bottom = text.rstrip("\n").split("\n")[-1]
    assert "a 审批 · r 驳回 · S 签发" in bottom and bottom.rstrip().endswith("? 帮助"), text
    quit_cleanly(screen)


def test_status_line_read_only(screen):
    # Twin: read-only leaves the editing keys off the line; '?' stays.
    text = screen.wait("伊吾县 · 日历")
    bottom = text.rstrip("\n").split("\n")[-1]
    assert "新建" not in bottom and bottom.rstrip().endswith("? 帮助"), text
    text = open_meeting_on(screen, "2026-12-15", "#14")
    bottom = text.rstrip("\n").split("\n")[-1]
    assert "H 已召开" not in bottom and "q 返回" in bottom, text
    assert bottom.rstrip().endswith("? 帮助"), text
    quit_cleanly(screen)


def test_edit_meeting(screen):
    screen.wait("伊吾县 · 日历")
    open_meeting_on(screen, "2026-11-26", "#6")
    screen.keys("e")
    text = screen.wait("修改会议 #6")
    assert "政府第一会议室" in text, text
    screen.keys("Tab", "Tab", "Tab", "Tab", "Tab")  # type, date, start, end, title: to the place
    screen.keys("C-u")
    screen.type("县政府常务会议室")
    screen.keys("C-s")
    screen.wait("会议 #6 已修改")
    screen.wait("县政府常务会议室")
    assert "县政府常务会议室" in screen.cli("meeting", "show", "6")
    quit_cleanly(screen)


def test_leave_with_substitute_then_rejected(screen):
    screen.wait("伊吾县 · 日历")
    open_meeting_on(screen, "2026-11-26", "#6")
    screen.select("财政局局长")
    screen.keys("L")
    screen.wait("财政局局长请假")
    screen.type("赴州财政局参加培训")
    screen.keys("Tab", "Right", "Tab")
    # Yiwu's rules provide for no substitute at the executive meeting (art. 38 is silent): the
    # substitute picker offers nobody (the command line's refusal names the clause).
    screen.keys("Space")
    screen.wait("输入以筛选")
    screen.type("副局长")
    screen.wait("（无匹配项）")
    screen.keys("Escape")
    screen.wait("‹ （无） ›")
    screen.keys("C-s")
    screen.wait("已登记")
    line = screen.select("财政局局长")
    assert "请假待批" in line, line
    screen.keys("r")
    screen.wait("不予批准")
    screen.keys("Enter")
    screen.wait("y：是")
    screen.keys("y")
    screen.wait("未予批准")
    listed = [l for l in screen.cli("leave", "list").split("\n") if "赴州财政局参加培训" in l][0]
    assert "[rejected]" in listed and "(written)" in listed and "substitute" not in listed, listed
    quit_cleanly(screen)


def test_topics_proposed_approved_scheduled(screen):
    screen.wait("伊吾县 · 日历")
    open_meeting_on(screen, "2026-12-14", "#12")
    # Proposed from the meeting: on its agenda at once, waiting for approval.
    screen.keys("T")
    screen.wait("新建议题")
    screen.type("关于冬季供暖保障工作的汇报")
    screen.keys("C-s")
    screen.wait("已提出")
    screen.select("关于冬季供暖保障工作的汇报")
    screen.keys("a")
    screen.wait("审批人")
    screen.keys("Enter")
    screen.wait("y：是")
    screen.keys("y")
    screen.wait("已确定")
    topics = screen.cli("topic", "list")
    line = [l for l in topics.split("\n") if "关于冬季供暖保障工作的汇报" in l][0]
    assert "meeting #12" in line and "approved by 县长" in line, line
    # Proposed from the queues: on no agenda until scheduled from a meeting.
    screen.keys("3")
    screen.wait("· 待办事项")
    screen.keys("T")
    screen.wait("新建议题")
    screen.type("关于城乡环境整治的汇报")
    screen.keys("C-s")
    screen.wait("已提出")
    open_meeting_on(screen, "2026-12-14", "#12")
    screen.keys("s")
    screen.wait("列入本次会议议程")
    screen.type("城乡环境")
    screen.keys("Enter")
    screen.wait("已列入议程")
    line = [l for l in screen.cli("topic", "list").split("\n") if "关于城乡环境整治的汇报" in l][0]
    assert "meeting #12" in line, line
    quit_cleanly(screen)


def test_standing_series(screen):
    screen.wait("伊吾县 · 日历")
    screen.keys("N")
    screen.wait("新建定期会议系列")
    screen.keys("Right", "Tab")          # the executive meeting
    screen.keys("C-u")                   # the first day, before the repeat that takes it
    screen.type("2027-01-05")
    screen.keys("Tab")
    # Leaving the first day: its year's arrangement is not published.
    screen.wait("首日：2027年节假日安排尚未发布")
    choose(screen, "每两个月5日")        # every two months, on the first day's date
    screen.keys("Tab")
    screen.wait("FREQ=MONTHLY;INTERVAL=2")
    screen.keys("Tab", "Tab", "Tab")     # rule, starts, ends
    screen.type("2027-12-31")
    screen.keys("C-s")
    text = screen.wait("已创建")
    # Every two months from 5 January; 5 September 2027 is a Sunday and is skipped (2027's
    # arrangement is not published: its statutory holidays are provisional, none of them here).
    assert "共 5 次会议" in text, text
    assert "FREQ=MONTHLY;INTERVAL=2" in screen.cli("series", "list")
    made = screen.cli("meeting", "list", "--from", "2027-01-01", "--to", "2027-12-31")
    assert [l[7:17] for l in made.split("\n") if l] == [
        "2027-01-05", "2027-03-05", "2027-05-05", "2027-07-05", "2027-11-05"], made
    quit_cleanly(screen)


def test_export_ics(screen):
    screen.wait("伊吾县 · 日历")
    everyone = os.path.join(screen.workdir, "all.ics")
    head = os.path.join(screen.workdir, "head.ics")
    for path, person in ((everyone, None), (head, "县长  县长")):
        screen.keys("E")
        screen.wait("导出或发布")
        screen.keys("Enter")
        screen.wait("导出 .ics")
        if person:
            choose(screen, person)
        screen.keys("Tab", "Tab", "C-u")
        screen.type(path)
        screen.keys("C-s")
        screen.wait("写入 " + path)
    checked = subprocess.run(["/usr/bin/python3", "-c", """
import sys, icalendar
counts = []
for path in sys.argv[1:]:
    calendar = icalendar.Calendar.from_ical(open(path, 'rb').read())
    counts.append(len([c for c in calendar.walk('VEVENT')]))
print(counts[0], counts[1])
""", everyone, head], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    total, mine = map(int, checked.stdout.split())
    assert total > mine > 0, checked.stdout
    quit_cleanly(screen)


def test_holiday_notice_imported(screen):
    screen.wait("伊吾县 · 日历")
    notice = os.path.join(screen.workdir, "notice-2027.txt")
    with open(notice, "w", encoding="utf-8") as file:
        file.write("国务院办公厅关于2027年部分节假日安排的通知\n"
                   "一、元旦：1月1日（周五）至3日（周日）放假，共3天。\n"
                   "二、春节：2月5日（农历除夕、周五）至12日（农历正月初七、周五）放假调休，共8天。"
                   "2月14日（周日）、2月20日（周六）上班。\n")
    before = screen.cli("workdays", "is", "2027-02-10")
    assert before.startswith("workday"), before
    screen.keys("I")
    screen.wait("导入节假日安排通知")
    screen.type(notice)
    screen.keys("Enter")
    text = screen.wait("2027 年节假日安排")
    assert "春节：放假 8 天" in text, text
    assert "调休上班" in text, text
    screen.keys("y")
    # The demo's standing series may be touched: keep its meetings where they are.
    deadline = time.time() + WAIT_SECONDS
    while "已写入" not in screen.text() and time.time() < deadline:
        if "重新应用" in screen.text():
            screen.keys("n")
        time.sleep(0.1)
    screen.wait("已写入")
    after = screen.cli("workdays", "is", "2027-02-10")
    assert after.startswith("off 春节") and "provisional" not in after, after
    assert "holidays import" in screen.cli("log"), "the import is not in the audit log"
    quit_cleanly(screen)


NOTICE_2026 = os.path.join(os.environ.get("HUIWU_SOURCE_DATA", "data"), "..", "tests", "notices",
                           "2026.txt")


def test_holidays_import_asks_on_a_terminal(screen):
    # 'huiwu holidays import FILE' without --yes, on a terminal: it asks before writing.
    screen.wait("写入这一安排吗？[y/N]")
    written = os.path.join(screen.workdir, "xdg", "huiwu", "holidays", "2026.txt")
    assert not os.path.exists(written)
    screen.type("y")
    screen.keys("Enter")
    screen.wait("EXIT=0")
    assert "已写入" in screen.text(), screen.text()
    with open(written, encoding="utf-8") as file:
        assert "2026-02-14  work  春节调休上班" in file.read()


def test_publish_offered_beside_export(screen):
    screen.wait("伊吾县 · 日历")
    assert "已发布" not in screen.text()  # never published: the status line says nothing
    screen.keys("E")
    screen.wait("导出或发布")
    screen.type("CalDAV")
    screen.keys("Enter")
    screen.wait("尚未设置 CalDAV 服务器")
    db = sqlite3.connect(screen.db)
    db.execute("INSERT INTO publish_run VALUES ('http://x/huiwu-yiwu/', '2000-01-01T00:00:00Z')")
    db.commit()
    screen.keys("j")
    screen.wait("已发布 2000-01-01 00:00 UTC，有更改待发布")
    db.execute("UPDATE publish_run SET finished_at = '2999-01-01T00:00:00Z'")
    db.commit()
    screen.wait("已发布 2999-01-01 00:00 UTC |")
    db.close()
    quit_cleanly(screen)


def test_others_changes_show(screen):
    screen.wait("伊吾县 · 日历")
    screen.keys("l")
    screen.wait("2026-11-24 周二")
    # Another clerk adds a meeting from the command line while the UI stays open.
    screen.cli("meeting", "add", "--type", "executive", "--date", "2026-11-24", "--time", "15:00",
               "--title", "另一位文秘安排的会议", "--adhoc", "紧急事项")
    text = screen.wait("另一位文秘安排的会议")
    assert "15:00" in text, text
    quit_cleanly(screen)


def test_stored_escape_codes_are_shown_not_obeyed(screen):
    screen.wait("伊吾县 · 日历")
    screen.keys("l")
    screen.wait("2026-11-24 周二")
    screen.cli("meeting", "add", "--type", "executive", "--date", "2026-11-24", "--time", "15:00",
               "--title", "标题待改")
    # What an older version let through, written past every check: an OSC sequence that would
    # set the terminal's title.
    connection = sqlite3.connect(screen.db)
    connection.execute("UPDATE meeting SET title = ? WHERE title = '标题待改'",
                       ("会\x1b]2;x\x07议",))
    connection.commit()
    connection.close()
    screen.wait("会^[]2;x^G议")
    assert screen.tmux("display-message", "-p", "-t", "t", "#{pane_title}").strip() != "x"
    quit_cleanly(screen)


def test_leader_opens_on_their_agenda(screen):
    text = screen.wait("待县长办理")
    assert "· 日程" in text and "[只读]" in text and "[县长]" in text, text
    assert "同一时间出席水利局召开的会议" in text, text
    screen.keys("q")  # back to the calendar beneath
    screen.wait("· 日历")
    quit_cleanly(screen)


def test_form_records_the_deputys_consent(screen):
    screen.wait("伊吾县 · 日历")
    open_meeting_on(screen, "2026-12-04", "#10")
    screen.keys("NPage", "NPage")
    screen.wait("部门会议未经分管领导同意")
    screen.keys("e")
    screen.wait("修改会议 #10")
    for _ in range(10):  # to "Deputy agreed"
        screen.keys("Tab")
    screen.keys("Right", "C-s")
    screen.wait("会议 #10 已修改")
    screen.keys("NPage", "NPage")
    screen.wait("部门会议未经分管领导同意", absent=True)
    assert "DEPT_MEETING_CONSENT" not in screen.cli("check")
    quit_cleanly(screen)


def test_invite_and_uninvite(screen):
    screen.wait("伊吾县 · 日历")
    open_meeting_on(screen, "2026-12-14", "#12")
    screen.keys("NPage", "NPage", "NPage")
    screen.wait("应参会人员未通知")
    screen.keys("v")
    screen.wait("邀请参加会议 #12")
    choose(screen, "分管住房城建", "副县长（分管住房城建）")
    screen.keys("Tab", "Left")  # as a member
    screen.wait("‹ 组成人员 ›")
    screen.keys("C-s")
    screen.wait("已邀请")
    screen.keys("NPage", "NPage", "NPage")
    screen.wait("应参会人员未通知", absent=True)
    screen.keys("Home")
    screen.select("发展和改革委员会工作人员")
    screen.keys("u")
    screen.wait("y：是")
    screen.keys("y")
    screen.wait("已移出")
    shown = screen.cli("meeting", "show", "12")
    assert "副县长（分管住房城建）" in shown and "发展和改革委员会工作人员" not in shown, shown
    quit_cleanly(screen)


def test_topics_decided_and_deferred(screen):
    screen.wait("伊吾县 · 日历")
    # Proposed on a held meeting: refused whole, no topic made.
    open_meeting_on(screen, "2026-11-16", "#5")
    screen.keys("T")
    screen.wait("新建议题")
    screen.type("关于补充事项的汇报")
    screen.keys("C-s")
    screen.wait("议题只能列入计划中的会议")
    screen.keys("Escape")
    screen.wait("放弃本表单中已填写的内容？")
    screen.keys("y")
    screen.wait("新建议题", absent=True)
    assert "关于补充事项的汇报" not in screen.cli("topic", "list")
    # Today's meeting: topics proposed onto it, decided only once it is held.
    screen.cli("meeting", "add", "--type", "executive", "--date", TODAY, "--time", "08:00",
               "--adhoc", "紧急事项")
    screen.keys("q")
    screen.wait("· 日历")
    open_meeting_on(screen, TODAY, "08:00")
    for title in ("关于补充事项的汇报", "关于另一事项的汇报"):
        screen.keys("T")
        screen.wait("新建议题")
        screen.type(title)
        screen.keys("C-s")
        screen.wait("已提出")
    screen.select("关于补充事项的汇报")
    screen.keys("D")
    screen.wait("会议决定的事项")
    screen.type("原则同意")
    screen.keys("Enter")
    screen.wait("尚未召开")
    screen.keys("H")
    screen.wait("y：是")
    screen.keys("y")
    screen.wait("已召开")
    screen.select("关于补充事项的汇报")
    screen.keys("D")
    screen.wait("会议决定的事项")
    screen.type("原则同意，由教育局抓好落实")
    screen.keys("Enter")
    screen.wait("原则同意，由教育局抓好落实")
    screen.select("关于另一事项的汇报")
    screen.keys("P")
    screen.wait("暂缓的原因")
    screen.type("待补充资金测算")
    screen.keys("Enter")
    screen.wait("已暂缓")
    topics = screen.cli("topic", "list").split("\n")
    decided = [l for l in topics if "关于补充事项的汇报" in l][0]
    deferred = [l for l in topics if "关于另一事项的汇报" in l][0]
    assert "[decided]" in decided and "原则同意，由教育局抓好落实" in decided, decided
    assert "[deferred]" in deferred, deferred
    # P again on the deferred topic offers to take the deferral back: no keeps it, yes takes it.
    screen.select("关于另一事项的汇报")
    screen.keys("P")
    screen.wait("撤回暂缓")
    screen.keys("n")
    screen.wait("撤回暂缓", absent=True)
    assert "[deferred]" in screen.cli("topic", "list")
    screen.keys("P")
    screen.wait("撤回暂缓")
    screen.keys("y")
    screen.wait("已重新列入议程")
    topics = screen.cli("topic", "list").split("\n")
    again = [l for l in topics if "关于另一事项的汇报" in l][0]
    assert "[scheduled]" in again, again
    quit_cleanly(screen)



# ---- queues, topics, minutes, export (ui-work) ----

def lines_under(text, heading):
    """The lines of a section: those after `heading` up to the next heading (no indent)."""
    lines = text.split("\n")
    start = [i for i, line in enumerate(lines) if heading in line][0]
    section = []
    for line in lines[start + 1:]:
        if line and not line.startswith(" ") and not line.startswith(">"):
            break
        section.append(line)
    return section


def test_deferred_topics_queue(screen):
    screen.wait("伊吾县 · 日历")
    # Two topics on the agenda of meeting #6 (2026-11-26) deferred there.
    screen.cli("topic", "defer", "5", "--reason", "材料未齐")
    screen.cli("topic", "defer", "6")
    screen.keys("3")
    text = screen.wait("暂缓待重新安排的议题")
    section = "\n".join(lines_under(text, "暂缓待重新安排的议题"))
    # Each with its department, the meeting that deferred it and that meeting's date.
    assert "#5" in section and "教育局" in section and "常务会议 2026-11-26" in section, text
    assert "#6" in section, text
    # s here asks for the meeting: scheduled again, the topic leaves the queue.
    screen.select("#5    关于学前教育")
    screen.keys("s")
    screen.wait("列入以下会议议程")
    screen.type("#12 ")
    screen.keys("Enter")
    text = screen.wait("已列入会议 #12 的议程")
    topic = json.loads(screen.cli("topic", "show", "5", "--json"))
    assert topic["state"] == "scheduled" and topic["meeting"] == 12, topic
    assert topic["decision"] is None, topic  # the reason stays with the earlier meeting
    section = "\n".join(lines_under(screen.text(), "暂缓待重新安排的议题"))
    assert "#5" not in section and "#6" in section, screen.text()
    # From a meeting, s offers the deferred topic too; taken, the queue is empty.
    open_meeting_on(screen, "2026-12-14", "#12")
    screen.keys("s")
    screen.wait("列入本次会议议程")
    screen.wait("（暂缓）")
    screen.type("老旧小区")
    screen.keys("Enter")
    screen.wait("已列入议程")
    assert json.loads(screen.cli("topic", "show", "6", "--json"))["meeting"] == 12
    screen.keys("3")
    text = screen.wait("暂缓待重新安排的议题")
    assert lines_under(text, "暂缓待重新安排的议题")[0].strip() == "无。", text
    quit_cleanly(screen)


def test_waits_for_names_meeting_and_date(screen):
    screen.wait("伊吾县 · 日历")
    screen.keys("3")
    text = screen.wait("待审批的请假")
    # Leave: the meeting and its date beside who asks.
    leave = [l for l in lines_under(text, "待审批的请假") if "住房和城乡建设局局长" in l][0]
    assert "常务会议 2026-11-26" in leave, text
    topic = [l for l in lines_under(text, "待确定的议题") if "关于冬春农业生产工作的汇报" in l][0]
    assert "《关于冬春农业生产工作的汇报》待审批 — 常务会议 2026-12-14" in topic, text
    # The leader's agenda: what waits for them, each with its meeting and date.
    screen.keys("2")
    screen.wait("· 日程")
    screen.keys("p")
    screen.type("县长  县长")
    screen.keys("Enter")
    text = screen.wait("待县长办理")
    waiting = "\n".join(lines_under(text, "待县长办理"))
    assert "《关于冬春农业生产工作的汇报》待审批 — 常务会议 2026-12-14" in waiting, text
    assert "参加上级部门视频会议 — 常务会议 2026-11-26" in waiting, text
    quit_cleanly(screen)


def test_enter_opens_a_topic(screen):
    screen.wait("伊吾县 · 日历")
    open_meeting_on(screen, "2026-12-14", "#12")
    screen.select("关于冬春农业生产工作的汇报")
    screen.keys("Enter")
    text = screen.wait("· 议题")
    assert "议题 #10" in text, text
    assert "农业农村局" in text and "副县长（分管农业农村）" in text, text
    assert "涉及事项" in text and "会前研究" in text, text
    assert "尚未审批" in text and "2026-12-14" in text, text
    # Its keys are the meeting view's: a approves, after asking who and confirming.
    screen.keys("a")
    screen.wait("审批人")
    screen.keys("Enter")
    screen.wait("y：是")
    screen.keys("y")
    text = screen.wait("已确定")
    screen.wait("尚未审批", absent=True)
    assert "approved by 县长" in [l for l in screen.cli("topic", "list").split("\n") if "#10 " in l][0]
    # Back to the meeting it came from; from search, Enter opens the topic too.
    screen.keys("q")
    screen.wait("· 会议")
    screen.keys("/")
    screen.wait("搜索")
    screen.type("冬春农业")
    screen.keys("Enter")
    screen.wait("关于冬春农业生产工作的汇报")
    screen.select("关于冬春农业生产工作的汇报")
    screen.keys("Enter")
    text = screen.wait("· 议题")
    assert "议题 #10" in text and "审批人" in text, text
    quit_cleanly(screen)


def held_meeting_today(screen):
    """A meeting held today (from the command line); returns its id."""
    meeting = screen.cli("meeting", "add", "--type", "executive", "--date", TODAY, "--time",
                         "08:00", "--adhoc", "紧急事项").strip()
    screen.cli("meeting", "held", meeting)
    return meeting


def test_minutes_in_the_editor(screen):
    screen.wait("伊吾县 · 日历")
    meeting = held_meeting_today(screen)
    open_meeting_on(screen, TODAY, "08:00")
    screen.keys("m")
    text = screen.wait("Ctrl-S 或 F2：保存")
    assert "一、" in text, text  # empty minutes start at their first item
    screen.type("研究了冬季供暖保障工作。错")
    screen.keys("BSpace")  # a whole character goes
    screen.keys("Enter")
    screen.wait("二、")  # a new line is the next item
    screen.type("研究了城乡环境整治工作。")
    screen.keys("C-s")
    screen.wait("会议纪要已保存")
    shown = screen.cli("minutes", "show", meeting)
    assert "一、研究了冬季供暖保障工作。\n二、研究了城乡环境整治工作。" in shown, shown
    # The arrows, End and Home move between lines and within one; Enter mid-line splits it.
    screen.keys("m")
    screen.wait("Ctrl-S 或 F2：保存")
    screen.keys("Up", "End")
    screen.type("已落实")
    screen.keys("Down", "Home", "Right", "Right")
    screen.type("（另）")
    screen.keys("C-s")
    screen.wait("会议纪要已保存")
    shown = screen.cli("minutes", "show", meeting)
    assert "一、研究了冬季供暖保障工作。已落实\n二、（另）研究了城乡环境整治工作。" in shown, shown
    # Esc after typing asks; no goes on editing, yes leaves the minutes as they were.
    screen.keys("m")
    screen.wait("Ctrl-S 或 F2：保存")
    screen.type("补充")
    screen.keys("Escape")
    screen.wait("放弃对文字的修改？")
    screen.keys("n")
    screen.wait("放弃对文字的修改？", absent=True)
    screen.wait("Ctrl-S 或 F2：保存")
    screen.keys("Escape")
    screen.wait("放弃对文字的修改？")
    screen.keys("y")
    screen.wait("Ctrl-S 或 F2：保存", absent=True)
    assert screen.cli("minutes", "show", meeting) == shown
    quit_cleanly(screen)


def test_minutes_in_the_users_editor(screen):
    """$EDITOR replaces the minutes; an editor that fails changes nothing."""
    screen.close()
    script = os.path.join(screen.workdir, "editor.sh")
    with open(script, "w", encoding="utf-8") as f:
        f.write("#!/bin/sh\n"
                "ls -l \"$1\" > \"%s/mode\"\n"
                "[ -e \"%s/fail\" ] && { echo 不要 > \"$1\"; exit 1; }\n"
                "printf '一、外部编辑的第一项\\n二、外部编辑的第二项\\n' > \"$1\"\n"
                % (screen.workdir, screen.workdir))
    os.chmod(script, 0o755)
    temporary = os.path.join(screen.workdir, "tmp")
    os.mkdir(temporary)
    editing = Screen(screen.workdir, db=screen.db,
                     env={"EDITOR": script, "TMPDIR": temporary})
    try:
        editing.wait("伊吾县 · 日历")
        open_meeting_on(editing, "2026-11-16", "#5")
        editing.keys("m")
        editing.wait("会议纪要已保存")
        shown = editing.cli("minutes", "show", "5")
        assert "一、外部编辑的第一项\n二、外部编辑的第二项" in shown, shown
        with open(os.path.join(screen.workdir, "mode")) as f:
            assert f.read().startswith("-rw------- "), "the temporary file is private"
        assert os.listdir(temporary) == [], "the temporary file is removed"
        open(os.path.join(screen.workdir, "fail"), "w").close()
        editing.keys("m")
        # The message names the editor's whole path, so it may wrap anywhere: read it whole.
        deadline = time.time() + WAIT_SECONDS
        while "运行失败（状态1）：未保存任何内容" not in "".join(editing.text().split()):
            assert time.time() < deadline, editing.text()
            time.sleep(0.1)
        assert editing.cli("minutes", "show", "5") == shown
        assert os.listdir(temporary) == []
        quit_cleanly(editing)
    finally:
        editing.close()


def test_export_shows_path_count_and_alarm(screen):
    screen.wait("伊吾县 · 日历")
    screen.keys("E")
    screen.wait("导出或发布")
    screen.keys("Enter")
    screen.wait("导出 .ics")
    screen.keys("Tab", "Tab", "C-u")
    screen.type("out.ics")  # relative: the message gives the whole path
    screen.keys("Tab", "Tab", "Right")
    screen.wait("‹ 提前 15 分钟")
    screen.keys("C-s")
    path = os.path.realpath(os.path.join(screen.workdir, "out.ics"))
    text = screen.wait("写入 " + path)
    environment = dict(os.environ, HUIWU_TODAY=TODAY, LC_ALL="C.UTF-8", LANGUAGE="en")
    told = subprocess.run([BINARY, "--db", screen.db, "export", "ics", "-o",
                           os.path.join(screen.workdir, "cli.ics")], env=environment,
                          capture_output=True, text=True, check=True).stderr
    count = told.split()[0]
    assert ("已将 %s 次会议写入 %s" % (count, path)) in text.replace("\n", ""), (told, text)
    with open(path, encoding="utf-8") as f:
        calendar = f.read()
    assert "BEGIN:VALARM" in calendar and "TRIGGER:-PT15M" in calendar, calendar[:2000]
    quit_cleanly(screen)



def test_meeting_form_proposes_the_types_end(screen):
    # The office sets its plenary meeting at 90 minutes (duration_minutes, its own key); the
    # executive meeting has no usual length.
    screen.close()
    rules = os.path.join(screen.workdir, "rules")
    shutil.copytree(os.path.join(os.environ["HUIWU_SOURCE_DATA"], "rules"), rules)
    with open(os.path.join(rules, "yiwu.ini"), encoding="utf-8") as f:
        text = f.read()
    with open(os.path.join(rules, "yiwu.ini"), "w", encoding="utf-8") as f:
        f.write(text.replace("[plenary]\n", "[plenary]\nduration_minutes = 90\n", 1))
    form = Screen(screen.workdir, env={"HUIWU_RULES_DIR": rules}, db=screen.db)
    try:
        form.wait("伊吾县 · 日历")
        form.keys("n")
        text = form.wait("新建会议")
        assert "伊吾县人民政府全体会议" in text, text
        form.wait("11:00")  # 09:30 and 90 minutes, proposed as the form opens
        form.keys("Tab", "Tab", "C-u")  # to the start
        form.type("14:00")
        form.keys("Tab")  # leaving the start moves the proposed end with it
        form.wait("15:30")
        assert "11:00" not in form.text(), form.text()
        # A type with no usual length takes the proposal back: the end is empty again.
        form.keys("Up", "Up", "Up", "Right")
        form.wait("伊吾县人民政府常务会议")
        form.keys("Tab")
        form.wait("15:30", absent=True)
        # The clerk's own end stays when the start changes.
        form.keys("Up", "Left")
        form.wait("‹ 伊吾县人民政府全体会议")
        form.keys("Tab")
        form.wait("15:30")
        form.keys("Tab", "Tab", "C-u")  # to the end
        form.type("16:10")
        form.keys("Up", "C-u")
        form.type("14:30")
        form.keys("Tab")
        text = form.wait("16:10")
        assert "16:00" not in text, text
        form.keys("Escape")
        form.wait("放弃本表单中已填写的内容？")  # a filled form asks before it is discarded
        form.keys("y")
        form.wait("新建会议", absent=True)
        quit_cleanly(form)
    finally:
        form.close()


# ---- calendar (ui-calendar): the wide month, the week view, popups, series presets ----

def frame_edges(screen, width):
    """The popup's frame on the screen: checks no line is wider than the terminal and that
    both vertical edges are in one display column on every line of the frame; returns the
    frame's lines."""
    lines = screen.lines()
    for line in lines:
        assert columns(line) <= width, "a line wider than the terminal:\n" + screen.text()
    tops = [i for i, line in enumerate(lines) if "+-" in line]
    assert len(tops) >= 2, "no frame on the screen:\n" + screen.text()
    top, bottom = tops[0], tops[-1]
    edges = set()
    for line in lines[top:bottom + 1]:
        marks = [i for i, c in enumerate(line) if c in "|+"]
        assert marks, screen.text()
        edges.add((columns(line[:marks[0]]), columns(line[:marks[-1]])))
    assert len(edges) == 1, "the frame's edges move: %r\n%s" % (edges, screen.text())
    return lines[top:bottom + 1]


def test_popups_over_chinese_keep_straight_edges(screen):
    """A form and a question drawn over a meeting's Chinese text: whole characters, straight
    frames (a character half under the frame gives its other half to a space)."""
    width = int(screen.tmux("display-message", "-p", "#{window_width}").strip())
    screen.wait("伊吾县 · 日历")
    open_meeting_on(screen, "2026-11-26", "#6")
    # The meeting's first line starts with its title at the first column, under the form's edge.
    assert screen.lines()[1].startswith("伊吾县"), screen.text()
    screen.keys("e")
    screen.wait("修改会议")
    framed = frame_edges(screen, width)
    assert any("伊吾县人民政府常务会议" in line for line in framed), framed
    if width == 80:
        # 伊 (columns 0-1) half under the left edge (column 1): a space keeps column 0.
        assert screen.lines()[1].startswith(" | "), screen.text()
    screen.keys("Escape")
    screen.wait("修改会议", absent=True)
    screen.keys("Q")
    screen.wait("退出 huiwu？")
    frame_edges(screen, width)
    screen.keys("n")
    screen.wait("退出 huiwu？", absent=True)
    quit_cleanly(screen)


def grid_text(screen, width):
    """The calendar's grid: each line's columns left of the day's side (the last '|')."""
    out = []
    for line in screen.lines()[1:-1]:
        cut = line.rfind("|")
        out.append(line[:cut] if cut >= 0 else line)
    return "\n".join(out)


def test_wide_month_shows_times_and_titles(screen):
    """At 132×43 each day lists its meetings' start times and short titles; at 80×24 only their
    marks; resizing switches between the two."""
    screen.wait("伊吾县 · 日历")
    text = screen.wait("09:30 常")
    grid = grid_text(screen, 132)
    # 11-26 and 11-28: the executive meeting, its title without the government's name.
    assert grid.count("09:30 常") >= 2 and "常务会议" in grid, text
    assert "伊吾县人民政府" not in grid, text
    # A department's meeting by its subject; a long one cut with '…', whole characters only.
    assert "15:00 部" in grid and "公安局：道…" in grid, text
    assert "!" in grid, "the finding marker stays:\n" + text
    assert "[23]" in grid, text
    for line in screen.lines():
        assert columns(line) <= 132, text
    screen.resize(80, 24)
    screen.wait("09:30 常", absent=True)
    # The whole redrawn month, not a screen caught blank between two frames.
    text = screen.wait("[23]")
    assert "常务会议" not in grid_text(screen, 80), text
    screen.resize(132, 43)
    screen.wait("09:30 常")
    # Holidays keep their mark in the wide cells: January 2026 (元旦 off, the 4th a workday).
    screen.keys("g", "C-u")
    screen.type("2026-01-01")
    screen.keys("Enter")
    text = screen.wait("2026年1月")
    compact = text.replace(" ", "")
    assert "1休" in compact and "4班" in compact, text
    quit_cleanly(screen)


def test_week_view(screen):
    """w: the selected day's week by time; days and weeks move; Enter opens the meeting; w goes
    back to the month at the day chosen."""
    width = int(screen.tmux("display-message", "-p", "#{window_width}").strip())
    screen.wait("伊吾县 · 日历")
    screen.keys("w")
    text = screen.wait("伊吾县 · 周历")
    assert "2026-11-23 至 2026-11-29 一周" in text, text
    assert "[周一 11-23]" in text and "周日 11-29" in text, text
    assert "09:30–12:00 常" in text and "常务会议" in text, text
    assert "!" in text, "11-28's meeting has findings:\n" + text
    assert "] 下周" in text and "w 月历" in text, "the status line:\n" + text
    for line in screen.lines():
        assert columns(line) <= width, text
    # Three days on is 11-26: its meeting is selected ('>' where the days are blocks), Enter
    # opens it, q comes back to the week.
    screen.keys("l", "l", "l")
    if width < 120:
        screen.wait(">")
        chosen = [l for l in screen.lines() if l.startswith(">")]
        assert len(chosen) == 1 and "09:30–12:00 常  常务会议" in chosen[0], screen.text()
    screen.keys("Enter")
    text = screen.wait("· 会议")
    assert "#6" in text and "2026-11-26" in text, text
    screen.keys("q")
    screen.wait("· 周历")
    # ] the week after, the same weekday (12-03, no meeting); ↑ the meeting before it, 12-02.
    screen.keys("]")
    text = screen.wait("2026-11-30 至 2026-12-06 一周")
    assert "公安局" in text and "15:00–17:00 部" in text, text
    screen.keys("[")
    screen.wait("2026-11-23 至 2026-11-29 一周")
    screen.keys("]", "k", "Enter")
    text = screen.wait("· 会议")
    assert "#9" in text and "2026-12-02" in text, text
    screen.keys("q")
    screen.wait("· 周历")
    # A holiday week: 元旦 off, 01-04 a make-up workday.
    screen.keys("g", "C-u")
    screen.type("2026-01-01")
    screen.keys("Enter")
    text = screen.wait("2025-12-29 至 2026-01-04 一周")
    assert "周四 01-01 休" in text and "元旦" in text, text
    assert "周日 01-04 班" in text and "元旦调休上班" in text, text
    screen.keys("Enter")
    screen.wait("没有会议")
    # w: back to the month, at the day chosen in the week.
    screen.keys("w")
    text = screen.wait("· 日历")
    assert "2026年1月" in text and "2026-01-01 周四" in text, text
    quit_cleanly(screen)


def series_form_to_first_day(screen, first_day):
    """N, the executive meeting, the first day typed; the cursor left on the repeat."""
    screen.wait("伊吾县 · 日历")
    screen.keys("N")
    screen.wait("新建定期会议系列")
    screen.keys("Right", "Tab")
    screen.keys("C-u")
    screen.type(first_day)
    screen.keys("Tab")


def meeting_dates(screen, first, last):
    made = screen.cli("meeting", "list", "--from", first, "--to", last)
    return [l[7:17] for l in made.split("\n") if l]


def test_series_from_a_preset(screen):
    """每月第二、四个周三 from a first day that is a Wednesday writes BYDAY=2WE,4WE; its first
    day, 端午 2027 (provisional), moves to the next working day as the form says."""
    series_form_to_first_day(screen, "2027-06-09")
    text = screen.wait("星期三 休?：端午")
    choose(screen, "每月第二、四个周三")
    screen.keys("Tab")
    screen.wait("FREQ=MONTHLY;BYDAY=2WE,4WE")
    screen.keys("Tab", "Tab", "Tab")     # rule, starts, ends
    screen.type("2027-07-31")
    screen.keys("Tab")
    choose(screen, "顺延", "顺延至下一个工作日")
    screen.keys("Tab", "Tab", "Tab", "Right")  # title, place; even against the frequency: yes
    screen.keys("C-s")
    screen.wait("已创建")
    assert "FREQ=MONTHLY;BYDAY=2WE,4WE" in screen.cli("series", "list")
    assert meeting_dates(screen, "2027-06-01", "2027-07-31") == [
        "2027-06-10", "2027-06-23", "2027-07-14", "2027-07-28"], screen.cli("meeting", "list")
    quit_cleanly(screen)


def test_series_from_a_typed_rule(screen):
    """A rule typed over the preset's makes the series custom, and is the one written."""
    series_form_to_first_day(screen, "2027-03-01")
    screen.wait("‹ 每周一 ›")           # the first day's weekday
    screen.keys("Tab")
    screen.wait("FREQ=WEEKLY;BYDAY=MO")
    screen.keys("C-u")
    screen.type("FREQ=MONTHLY;BYDAY=1MO")
    screen.keys("Up")
    screen.wait("‹ 自定义（按下方规则） ›")
    screen.keys("Tab", "Tab", "Tab", "Tab")  # rule, starts, ends -> until
    screen.type("2027-05-31")
    screen.keys("Tab", "Tab", "Tab", "Tab", "Right")
    screen.keys("C-s")
    screen.wait("已创建")
    assert "FREQ=MONTHLY;BYDAY=1MO" in screen.cli("series", "list")
    # 5 April 2027, 清明 (provisional), is skipped.
    assert meeting_dates(screen, "2027-03-01", "2027-05-31") == ["2027-03-01", "2027-05-03"], \
        screen.cli("meeting", "list")
    quit_cleanly(screen)


def test_date_fields_show_the_weekday_and_the_day(screen):
    """As a date is typed, the field shows its weekday and whether it is a holiday (休), a
    make-up working day (班) or a weekend (休息日)."""
    screen.wait("伊吾县 · 日历")
    screen.keys("n")
    screen.wait("新建会议")
    screen.keys("Tab", "C-u")
    for typed, shown in (("2026-01-01", "2026-01-01  星期四 休：元旦"),
                         ("2026-01-04", "2026-01-04  星期日 班：元旦调休上班"),
                         ("2026-11-28", "2026-11-28  星期六 休息日"),
                         ("2026-11-24", "2026-11-24  星期二"),
                         ("2027-01-01", "2027-01-01  星期五 休?：元旦 · 假日暂定")):
        screen.keys("C-u")
        screen.type(typed)
        text = screen.wait(shown)
        for line in screen.lines():
            assert columns(line) <= 80, text
    screen.keys("C-u")
    screen.type("2026-11-2")
    text = screen.wait("星期", absent=True)  # not a date yet: no hint
    screen.keys("Escape")
    screen.wait("放弃本表单中已填写的内容？")
    screen.keys("y")

# ---- roster (ui-roster): the roster managed in the UI, the start screen, pickers ----

def test_roster_person_and_department_added(screen):
    screen.wait("乌恰县 · 日历")
    screen.keys("4")
    screen.wait("· 人员名单")
    screen.keys("N")
    screen.wait("新建部门")
    screen.type("统计局")
    screen.keys("Tab")
    choose(screen, "分管农业农村", "副县长（分管农业农村）")
    screen.keys("C-s")
    screen.wait("已添加部门统计局")
    line = [l for l in screen.cli("dept", "list").split("\n") if "统计局" in l][0]
    assert "in the division of 副县长（分管农业农村）" in line, line
    # A person with a real name: the role chosen by its Chinese name, the title proposed
    # from the role and the department.
    screen.keys("n")
    screen.wait("新建人员")
    screen.type("吴敏")
    screen.keys("Tab")
    choose(screen, "局长/主任")
    screen.keys("Tab")
    choose(screen, "统计局")
    screen.keys("Tab")
    screen.wait("统计局局长")
    screen.keys("Tab")
    screen.type("wumin@example.org")
    screen.keys("C-s")
    screen.wait("吴敏已加入人员名单")
    person = json.loads(screen.cli("person", "show", "吴敏", "--json"))
    assert (person["role"], person["title"], person["department"], person["email"]) == (
        "department_head", "统计局局长", "统计局", "wumin@example.org"), person
    # The roster shows the role by its Chinese name.
    line = screen.select("吴敏")
    assert "局长/主任" in line and "department_head" not in line, line
    # Edited: the title changes, the rest stays.
    screen.keys("e")
    screen.wait("编辑 吴敏")
    screen.keys("Tab", "Tab", "Tab", "C-u")
    screen.type("统计局局长（兼）")
    screen.keys("C-s")
    screen.wait("吴敏：已保存")
    person = json.loads(screen.cli("person", "show", "吴敏", "--json"))
    assert (person["title"], person["department"]) == ("统计局局长（兼）", "统计局"), person
    quit_cleanly(screen)


def test_roster_department_moved(screen):
    screen.wait("乌恰县 · 日历")
    screen.keys("4")
    screen.wait("· 人员名单")
    screen.select("水利局" + " " * 15)
    screen.keys("m")
    screen.wait("水利局：分管领导")
    screen.type("分管住房城建")
    screen.keys("Enter")
    screen.wait("水利局现由")
    line = [l for l in screen.cli("dept", "list").split("\n") if "水利局" in l][0]
    assert "in the division of 副县长（分管住房城建）" in line, line
    quit_cleanly(screen)


def test_roster_person_no_longer_serving(screen):
    screen.wait("乌恰县 · 日历")
    screen.keys("4")
    screen.wait("· 人员名单")
    # A deputy in charge of departments: refused until they move.
    screen.select("副县长（分管政法）")
    screen.keys("x")
    screen.wait("y：是")
    screen.keys("y")
    screen.wait("公安局、司法局")
    assert "副县长（分管政法）" in screen.cli("person", "list")
    # A staff member invited to meeting #10: marked, after asking.
    screen.keys("Home")
    screen.select("教育局工作人员")
    screen.keys("x")
    screen.wait("y：是")
    screen.keys("y")
    screen.wait("教育局工作人员已不再任职")
    listed = screen.cli("person", "list")
    assert "教育局工作人员" not in listed, listed
    everyone = screen.cli("person", "list", "--all")
    assert "教育局工作人员  工作人员  工作人员  教育局  [no longer serving since 2026-11-23]" in everyone, everyone
    # History keeps them; nothing new is offered to them.
    assert "教育局工作人员" in screen.cli("meeting", "show", "10")
    environment = dict(os.environ, HUIWU_TODAY=TODAY, LC_ALL="C.UTF-8", LANGUAGE="en")
    refused = subprocess.run([BINARY, "--db", screen.db, "meeting", "invite", "12", "--person",
                              "教育局工作人员"], env=environment, capture_output=True, text=True)
    assert refused.returncode == 1 and "no longer serving" in refused.stderr, refused.stderr
    # Listed last, under a heading of their own; x again: serving again, after asking.
    screen.keys("Home")
    line = screen.select("教育局工作人员")
    assert "2026-11-23离任" in line, line
    assert "不再任职的人员" in screen.text()
    screen.keys("x")
    screen.wait("重新任职？")
    screen.keys("y")
    screen.wait("已恢复任职")
    assert "教育局工作人员" in screen.cli("person", "list")
    quit_cleanly(screen)


def empty_database_screen(screen, term):
    """Closes the demo's screen and opens huiwu at the same size on a new, empty Wuqia
    database (init is the only command line: the UI starts from nothing)."""
    size = screen.tmux("display-message", "-p", "-t", "t", "#{window_width} #{window_height}")
    width, height = (int(n) for n in size.split())
    screen.close()
    db = os.path.join(screen.workdir, "empty.db")
    environment = dict(os.environ, HUIWU_TODAY=TODAY, LC_ALL="C.UTF-8", LANGUAGE="en")
    subprocess.run([BINARY, "--db", db, "init", "--gov", "wuqia"], env=environment,
                   capture_output=True, check=True)
    return Screen(screen.workdir, db=db, size=(width, height), env={"TERM": term})


def test_start_here_on_an_empty_database(screen, term="xterm-256color"):
    empty = empty_database_screen(screen, term)
    try:
        text = empty.wait("从这里开始")
        assert "县长" in text and "常务副县长" in text and "[ ] 1." in text, text
        assert "日历" not in text.split("\n")[0], text
        # The first leader: n, the name, Ctrl-S (the role proposes 县长 and its title).
        empty.keys("n")
        empty.wait("新建人员")
        empty.type("吴敏")
        empty.keys("C-s")
        empty.wait("[x] 1.")
        assert "吴敏  县长  县长" in empty.cli("person", "list")
        # The first department, in the head's charge.
        empty.keys("N")
        empty.wait("新建部门")
        empty.type("农业农村局")
        empty.keys("Tab")
        choose(empty, "吴敏")
        empty.keys("C-s")
        empty.wait("[x] 2.")
        assert "农业农村局  (in the division of 吴敏)" in empty.cli("dept", "list")
        # Then the meetings: p opens the new meeting's form over the calendar.
        empty.keys("p")
        empty.wait("新建会议")
        empty.keys("Escape")
        empty.wait("· 日历")
        quit_cleanly(empty)
    finally:
        empty.close()


def test_start_here_on_an_empty_database_linux(screen):
    test_start_here_on_an_empty_database(screen, term="linux")


def test_empty_database_to_signed_minutes(screen, term="xterm-256color"):
    """A clerk's first day with nothing but the UI: from an empty database to signed minutes
    (the command line only checks what the UI did)."""
    ui = empty_database_screen(screen, term)
    try:
        ui.wait("从这里开始")
        # The head, then a department in the head's charge.
        ui.keys("n")
        ui.wait("新建人员")
        ui.type("吴敏")
        ui.keys("C-s")
        ui.wait("[x] 1.")
        ui.keys("N")
        ui.wait("新建部门")
        ui.type("农业农村局")
        ui.keys("Tab")
        choose(ui, "吴敏")
        ui.keys("C-s")
        ui.wait("[x] 2.")
        # An executive meeting today, from the start screen's p.
        ui.keys("p")
        ui.wait("新建会议")
        ui.keys("Right")
        ui.wait("‹ 乌恰县人民政府常务会议 ›")
        ui.keys("C-s")
        ui.wait("会议 #1 已创建")
        ui.keys("Enter")
        ui.wait("乌恰县人民政府常务会议  #1")
        assert "主持人：吴敏" in ui.text(), ui.text()
        # Held (after asking), the minutes in the editor, then signed by the head.
        ui.keys("H")
        ui.wait("记为已召开？")
        ui.keys("y")
        ui.wait("状态：已召开")
        ui.keys("m")
        ui.wait("一、")
        ui.type("会议研究了冬春农业生产工作。")
        ui.keys("Enter")
        ui.wait("二、")
        ui.type("会议同意印发实施方案。")
        ui.keys("C-s")
        ui.wait("已起草，待县长签发")
        ui.keys("S")
        ui.wait("签发人")
        ui.keys("Enter")
        ui.wait("以吴敏的名义签发")
        ui.keys("y")
        ui.wait("以吴敏的名义签发", absent=True)
        minutes = json.loads(ui.cli("minutes", "show", "1", "--json"))
        assert minutes["state"] == "signed" and minutes["signed_by"] == "吴敏", minutes
        assert minutes["text"] == "一、会议研究了冬春农业生产工作。\n二、会议同意印发实施方案。", minutes
        meeting = json.loads(ui.cli("meeting", "show", "1", "--json"))
        assert meeting["status"] == "held" and meeting["type"] == "executive", meeting
        quit_cleanly(ui)
    finally:
        ui.close()


def test_empty_database_to_signed_minutes_linux(screen):
    test_empty_database_to_signed_minutes(screen, term="linux")


def test_attendance_shows_each_post_with_its_department(screen):
    screen.wait("乌恰县 · 日历")
    screen.cli("person", "add", "吴敏", "--title", "局长", "--role", "局长", "--dept", "水利局")
    screen.cli("meeting", "invite", "10", "--person", "吴敏")
    open_meeting_on(screen, "2026-11-25", "#10")
    line = screen.select("吴敏")
    assert "水利局局长" in line, line
    quit_cleanly(screen)


def test_pickers_show_departments(screen):
    screen.wait("乌恰县 · 日历")
    screen.cli("person", "add", "吴敏", "--title", "局长", "--role", "局长", "--dept", "水利局")
    open_meeting_on(screen, "2026-11-25", "#10")
    screen.keys("v")
    screen.wait("邀请参加会议 #10")
    screen.keys("Space")
    screen.wait("输入以筛选")
    screen.type("吴敏")
    screen.wait("吴敏  水利局局长")
    screen.keys("Escape")
    screen.keys("Escape")
    screen.wait("邀请参加会议 #10", absent=True)
    # A topic's leader in charge follows its department's deputy in charge.
    screen.keys("T")
    screen.wait("新建议题")
    screen.type("关于冬春农田水利建设的汇报")
    screen.keys("Tab")
    choose(screen, "水利局")
    screen.keys("Tab")
    screen.wait("‹ 副县长（分管农业农村）  副县长 ›")
    screen.keys("C-s")
    screen.wait("已提出")
    topic = [t for t in json.loads(screen.cli("topic", "list", "--json"))
             if t["title"] == "关于冬春农田水利建设的汇报"][0]
    assert topic["deputy"] == "副县长（分管农业农村）", topic
    quit_cleanly(screen)


def test_substitute_picker_offers_only_allowed(screen):
    screen.wait("乌恰县 · 日历")
    open_meeting_on(screen, "2026-11-25", "#10")
    screen.select("教育局局长")
    screen.keys("L")
    screen.wait("教育局局长请假")
    screen.type("赴州教育局参加培训")
    screen.keys("Tab", "Tab")
    screen.keys("Space")
    text = screen.wait("输入以筛选")
    # A deputy head of the same department (Wuqia art. 44), and nobody else.
    assert "教育局副局长  教育局副局长" in text, text
    for other in ("财政局副局长", "农业农村局副局长", "发展和改革委员会副主任", "县长  县长"):
        assert other not in text, text
    screen.type("教育局副局长")
    screen.keys("Enter")
    screen.wait("‹ 教育局副局长")
    screen.keys("C-s")
    screen.wait("已登记")
    listed = [l for l in screen.cli("leave", "list").split("\n") if "赴州教育局参加培训" in l][0]
    assert "substitute: 教育局副局长" in listed, listed
    quit_cleanly(screen)



def test_roster_read_only_refuses_changes(screen):
    screen.wait("乌恰县 · 日历")
    screen.keys("4")
    text = screen.wait("· 人员名单")
    bottom = text.rstrip("\n").split("\n")[-1]
    assert "n 新人员" not in bottom and "x 离任" not in bottom, text
    before = screen.cli("person", "list", "--all") + screen.cli("dept", "list")
    screen.select("财政局副局长")
    for key, refused in (("n", "添加人员"), ("N", "添加部门及其分管领导"), ("e", "编辑所选人员"),
                         ("x", "将所选人员标记为不再任职")):
        screen.keys(key)
        screen.wait("数据库以只读方式打开：不能" + refused)
    assert screen.cli("person", "list", "--all") + screen.cli("dept", "list") == before
def test_office_minutes_target_in_the_meeting_view(screen):
    """No document sets a deadline on minutes: the meeting view shows none until the office
    sets its own target, which is labelled as the office's, with no article."""
    screen.wait("伊吾县 · 日历")
    text = open_meeting_on(screen, "2026-11-16", "#5")
    screen.wait("会议纪要")
    assert "办公室自定目标" not in text, text
    screen.cli("office", "set", "minutes-target", "3")
    screen.keys("q")
    screen.wait("· 日历")
    text = open_meeting_on(screen, "2026-11-16", "#5")
    # Three working days after Monday 2026-11-16.
    screen.wait("办公室自定目标（无条款规定）：2026-11-19前签发")
def test_trip_recorded_then_cancelled(screen):
    """A deputy's trip recorded from the agenda (w) shows as a 外出 line, marks the meeting
    within it and its attendee, and raises its finding; cancelled (W) it goes, finding and all,
    and stays listed as cancelled."""
    screen.wait("伊吾县 · 日历")
    screen.keys("2")
    screen.wait("离开本地外出（w：登记）")
    screen.keys("j")
    screen.wait("  2026-11-26 周四")  # no finding on the meeting yet
    screen.keys("w")
    screen.wait("领导离开本地外出")
    choose(screen, "住房城建", "副县长（分管住房城建）")
    screen.keys("Tab", "C-u")
    screen.type("2026-11-25")
    screen.keys("Tab", "C-u")
    screen.type("2026-11-26")
    screen.keys("C-s")
    screen.wait("已登记")
    line = screen.select("外出   副县长（分管住房城建）")
    assert "2026-11-25 – 2026-11-26" in line and "已报告：县长和县委书记" in line, line
    meeting = [l for l in screen.lines() if "2026-11-26" in l and "常务会议" in l][0]
    assert meeting.startswith(" !"), screen.text()
    findings = json.loads(screen.cli("check", "--json", "--from", "2026-11-26", "--to", "2026-11-26"))
    clash = [f for f in findings if f["code"] == "DOUBLE_BOOKED" and f["meeting"] == 6]
    assert len(clash) == 1 and "离开本地外出" in clash[0]["message"], findings
    # The meeting marks the attendee away.
    screen.select("周四 09:30", key="k")
    screen.keys("Enter")
    screen.wait("· 会议")
    attendee = [l for l in screen.lines() if "副县长（分管住房城建）" in l][0]
    assert "（外出#1）" in attendee, screen.text()
    screen.keys("q")
    screen.wait("· 日程")
    # Cancelled: the line, the mark and the finding go.
    screen.select("外出   副县长（分管住房城建）")
    screen.keys("W")
    screen.wait("y：是")
    screen.keys("y")
    screen.wait("外出#1 已取消")
    screen.wait("外出   副县长（分管住房城建）", absent=True)
    findings = json.loads(screen.cli("check", "--json", "--from", "2026-11-26", "--to", "2026-11-26"))
    assert not [f for f in findings if f["code"] == "DOUBLE_BOOKED" and f["meeting"] == 6], findings
    trips = json.loads(screen.cli("trip", "list", "--json"))
    assert trips[0]["cancelled_on"] == TODAY, trips
    quit_cleanly(screen)


def test_trip_edited_from_its_line(screen):
    """w on a trip line edits that trip: shortened off the meeting's day, the finding goes."""
    screen.cli("trip", "add", "--person", "副县长（分管住房城建）", "--from", "2026-11-25", "--to",
               "2026-11-26", "--reported-to", "县长")
    screen.wait("伊吾县 · 日历")
    screen.keys("5")  # the rules view names the article: yiwu 53
    screen.wait("离开本地外出须报告: 县长和县委书记  〔伊政发〔2023〕112号 第五十三条〕")
    screen.keys("2")
    screen.select("外出   副县长（分管住房城建）")
    screen.keys("w")
    screen.wait("副县长（分管住房城建）的外出#1")
    screen.keys("Tab", "C-u")
    screen.type("2026-11-25")
    screen.keys("C-s")
    screen.wait("外出#1 已修改")
    line = screen.select("外出   副县长（分管住房城建）")
    assert "2026-11-25 – 2026-11-25" in line, line
    findings = json.loads(screen.cli("check", "--json", "--from", "2026-11-26", "--to", "2026-11-26"))
    assert not [f for f in findings if f["code"] == "DOUBLE_BOOKED" and f["meeting"] == 6], findings
    # W away from a trip line says what to select.
    screen.keys("Home", "W")
    screen.wait("请先选中一条外出记录")

# ---- Chinese only (ui-chinese): labels for people, no codes, keys or flags on screen ----

CODE = re.compile(r"[A-Z_]{5,}")


def assert_no_code(text):
    """No finding code (TOPIC_NOT_APPROVED) nor any other upper-case key on the screen."""
    found = CODE.findall(text)
    assert not found, "%r on the screen:\n%s" % (found, text)


def test_findings_by_chinese_labels(screen):
    screen.wait("伊吾县 · 日历")
    open_meeting_on(screen, "2026-12-14", "#13")
    screen.keys("NPage", "NPage", "NPage")
    text = screen.wait("时间冲突：")
    assert "政府领导出席部门会议：" in text, text
    assert_no_code(text)
    assert "DOUBLE_BOOKED" in screen.cli("check", "--from", "2026-12-14", "--to", "2026-12-14")
    screen.keys("q")
    screen.wait("· 日历")
    screen.keys("3")
    screen.wait("· 待办事项")
    text = screen.wait("的检查结果")
    for _ in range(8):  # down to the findings, every page of them without a code
        assert_no_code(screen.text())
        screen.keys("NPage")
    text = screen.text()
    assert re.search(r"\d{4}-\d\d-\d\d [^ ]+：", text), text
    assert_no_code(text)
    quit_cleanly(screen)


def test_topic_form_takes_chinese_matters(screen):
    screen.wait("伊吾县 · 日历")
    open_meeting_on(screen, "2026-12-14", "#12")
    screen.keys("T")
    text = screen.wait("新建议题")
    assert "涉及事项（项目、资金、人员编制、奖惩）" in text, text
    screen.type("资金议题")
    screen.keys("Tab", "Tab", "Tab")
    screen.type("钱")
    screen.keys("Tab")
    text = screen.wait("未知事项“钱”")
    assert "funds" not in text, text
    screen.keys("Up", "C-u")
    screen.type("资金、人员编制")
    screen.keys("C-s")
    text = screen.wait("已提出")
    topic = re.search(r"议题 #(\d+) 已提出", text).group(1)
    shown = json.loads(screen.cli("topic", "show", topic, "--json"))
    assert shown["matters"] == ["funds", "staffing"], shown
    quit_cleanly(screen)


def test_refusal_names_the_form_field_not_a_flag(screen):
    screen.wait("伊吾县 · 日历")
    screen.keys("N")
    screen.wait("新建定期会议系列")
    screen.keys("Right")  # the executive meeting, every week: more than once in two months
    screen.wait("‹ 伊吾县人民政府常务会议 ›")
    screen.keys("C-s")
    text = screen.wait("』选为『是』")
    assert "超出频次仍创建" in text, text
    assert not re.search(r"--[a-z]", text), text
    screen.keys("Escape")
    screen.wait("放弃本表单")  # the form was filled: it asks before discarding
    screen.keys("y")
    screen.wait("放弃本表单", absent=True)
    quit_cleanly(screen)


CASES = [
    ("the calendar opens in Chinese with today marked", test_calendar_opens_in_chinese, {}),
    ("holidays and make-up workdays are marked", test_holidays_and_makeup_days_marked, {}),
    ("a year without a published arrangement shows its statutory days as provisional",
     test_provisional_holidays_marked, {}),
    ("a new meeting on a provisional holiday is warned in the form",
     test_new_meeting_on_a_provisional_holiday_warns, {}),
    ("the heading and the status line mark a year without a published arrangement",
     test_heading_and_status_line_mark_a_provisional_year, {}),
    ("the queues mark a deadline counted across a provisional year",
     test_queues_mark_provisional_deadlines, {"env": {"HUIWU_TODAY": "2026-12-30"}}),
    ("meetings are marked by type, findings with '!'", test_month_marks_meetings_and_findings, {}),
    ("approving a leave request ends its DOUBLE_BOOKED finding",
     test_approving_leave_ends_the_clash, {}),
    ("the meeting form refuses an invalid date and creates the meeting",
     test_new_meeting_form_refuses_a_wrong_date, {}),
    ("a refusal shows the rule and clause", test_refusal_shows_rule_and_clause, {}),
    ("resizing redraws; too small says so", test_resize_and_minimum_size, {}),
    ("help lists the keys of the view", test_help_lists_the_keys_of_the_view, {}),
    ("--read-only refuses an edit", test_read_only_refuses_edits, {"args": ["--read-only"]}),
    ("Chinese names keep columns aligned", test_chinese_columns_align, {}),
    ("search takes Chinese input; Backspace removes a whole character",
     test_search_with_chinese_input_and_backspace, {}),
    ("the agenda filtered for a leader shows what waits for them", test_agenda_for_one_leader, {}),
    ("the deadline queue puts overdue first", test_queues_overdue_first, {}),
    ("TERM=linux with NO_COLOR works", test_without_colour,
     {"env": {"TERM": "linux", "NO_COLOR": "1"}}),
    ("English where the locale asks for it", test_english_where_the_locale_asks,
     {"env": {"LANGUAGE": None}}),
    ("Chinese under LANG=zh_CN.UTF-8 alone, the locale not generated",
     test_chinese_under_lang_alone,
     {"env": {"LC_ALL": None, "LANGUAGE": None, "LC_MESSAGES": None, "LANG": "zh_CN.UTF-8"}}),
    ("the rules view shows each value's clause", test_rules_view_shows_clauses, {}),
    ("minutes written and signed, a document recorded, handed over and issued",
     test_minutes_and_documents, {}),
    ("a refused action says why and changes nothing", test_a_refused_action_changes_nothing, {}),
    ("cancelling asks first; no keeps the meeting; x on a cancelled one restores it, after asking",
     test_cancel_asks_first, {}),
    ("leaving the first view asks (Esc and Q); no stays, yes quits; Esc above it does not ask",
     test_leaving_the_first_view_asks, {}),
    ("a filled form asks before it is discarded; an untouched one closes at once",
     test_filled_form_asks_before_discarding, {}),
    ("mark held on a future meeting is refused before asking, saying what to do",
     test_mark_held_refuses_a_future_meeting, {}),
    ("each view's bottom line shows its most used keys, '?' last, at 80×24",
     test_status_line_shows_the_views_keys, {}),
    ("read-only: the status line leaves the editing keys off", test_status_line_read_only,
     {"args": ["--read-only"]}),
    ("a meeting is edited through the form", test_edit_meeting, {}),
    ("leave is requested (no substitute offered where the rules provide for none), then rejected",
     test_leave_with_substitute_then_rejected, {}),
    ("topics are proposed, approved and scheduled", test_topics_proposed_approved_scheduled, {}),
    ("a topic's decision is recorded, another deferred, the deferral taken back after asking",
     test_topics_decided_and_deferred, {}),
    ("a standing series is created", test_standing_series, {}),
    ("the calendar is exported as .ics for everyone and for one person", test_export_ics, {}),
    ("the holiday notice is read from a file and written on yes", test_holiday_notice_imported, {}),
    ("holidays import asks on a terminal before it writes", test_holidays_import_asks_on_a_terminal,
     {"args": ["holidays", "import", NOTICE_2026]}),
    ("E offers publishing; the status line says when it was last published and whether "
     "changes wait", test_publish_offered_beside_export,
     {"env": {"XDG_CONFIG_HOME": "/nonexistent-huiwu-config"}}),
    ("what another clerk changes shows without a key", test_others_changes_show, {}),
    ("a stored escape code is shown as ^[, not obeyed",
     test_stored_escape_codes_are_shown_not_obeyed, {}),
    ("a department's meeting records its deputy's consent; the finding goes",
     test_form_records_the_deputys_consent, {}),
    ("a member is invited and the finding goes; an attendee is taken off the list",
     test_invite_and_uninvite, {}),
    ("a leader opens read-only on their own agenda", test_leader_opens_on_their_agenda,
     {"args": ["--read-only", "--person", "县长"]}),
    ("the meeting form proposes the end from the type's usual length, the clerk's own end stays",
     test_meeting_form_proposes_the_types_end, {}),
    # queues, topics, minutes, export (ui-work)
    ("the deferred topics' queue; scheduled again from it or from a meeting, a topic leaves it",
     test_deferred_topics_queue, {}),
    ("what waits says which meeting and its date, in the queues and a leader's agenda",
     test_waits_for_names_meeting_and_date, {}),
    ("what waits names meeting and date at 132×43", test_waits_for_names_meeting_and_date,
     {"size": (132, 43)}),
    ("Enter on a topic opens its view; its keys act on it; search opens topics too",
     test_enter_opens_a_topic, {}),
    ("the topic view at 132×43 under TERM=linux", test_enter_opens_a_topic,
     {"size": (132, 43), "env": {"TERM": "linux"}}),
    ("minutes in the multi-line editor: numbered items, Backspace, Esc asks",
     test_minutes_in_the_editor, {}),
    ("the minutes editor at 132×43 under TERM=linux", test_minutes_in_the_editor,
     {"size": (132, 43), "env": {"TERM": "linux"}}),
    ("$EDITOR replaces the minutes through a private temporary file; a failing one changes nothing",
     test_minutes_in_the_users_editor, {}),
    ("export shows the whole path and the meetings written; the reminder writes a VALARM",
     test_export_shows_path_count_and_alarm, {}),
    # calendar (ui-calendar)
    ("popups over Chinese text draw whole characters and straight frames at 80×24",
     test_popups_over_chinese_keep_straight_edges, {}),
    ("popups over Chinese text at 132×43 under TERM=linux",
     test_popups_over_chinese_keep_straight_edges,
     {"size": (132, 43), "env": {"TERM": "linux", "NO_COLOR": "1"}}),
    ("at 132×43 the calendar's days show their meetings' times and titles, at 80×24 their marks",
     test_wide_month_shows_times_and_titles, {"size": (132, 43)}),
    ("w opens the week by time at 80×24: days and weeks move, Enter opens the meeting",
     test_week_view, {}),
    ("w opens the week as seven columns at 132×43", test_week_view, {"size": (132, 43)}),
    ("the week view under TERM=linux without colour", test_week_view,
     {"env": {"TERM": "linux", "NO_COLOR": "1"}}),
    ("a series from a preset (每月第二、四个周三) is made on those days, a holiday moved",
     test_series_from_a_preset, {}),
    ("a typed RRULE still makes the series (the preset turns custom)",
     test_series_from_a_typed_rule, {}),
    ("a date field shows its weekday and 休/班/休息日 as it is typed",
     test_date_fields_show_the_weekday_and_the_day, {}),
    # roster (ui-roster)
    ("the roster: a department and a person added and edited in the UI, roles by their Chinese names",
     test_roster_person_and_department_added, {"government": "wuqia"}),
    ("the roster: a department and a person added and edited, at 132×43",
     test_roster_person_and_department_added, {"government": "wuqia", "size": (132, 43)}),
    ("the roster: a department moved to another deputy in charge",
     test_roster_department_moved, {"government": "wuqia"}),
    ("the roster: a department moved to another deputy in charge, at 132×43 with TERM=linux",
     test_roster_department_moved,
     {"government": "wuqia", "size": (132, 43), "env": {"TERM": "linux"}}),
    ("the roster: someone marked no longer serving, history kept, serving again",
     test_roster_person_no_longer_serving, {"government": "wuqia"}),
    ("the roster: someone marked no longer serving, at 132×43",
     test_roster_person_no_longer_serving, {"government": "wuqia", "size": (132, 43)}),
    ("an empty database opens on the start screen; the first leader and department from it",
     test_start_here_on_an_empty_database, {}),
    ("the start screen at 132×43 with TERM=linux", test_start_here_on_an_empty_database_linux,
     {"size": (132, 43), "env": {"TERM": "linux"}}),
    ("person pickers show department and title; a topic's leader follows its department",
     test_pickers_show_departments, {"government": "wuqia"}),
    ("person pickers show department and title, at 132×43",
     test_pickers_show_departments, {"government": "wuqia", "size": (132, 43)}),
    ("the substitute picker offers only a deputy head of the same department",
     test_substitute_picker_offers_only_allowed, {"government": "wuqia"}),
    ("the substitute picker offers only the allowed, at 132×43",
     test_substitute_picker_offers_only_allowed, {"government": "wuqia", "size": (132, 43)}),
    ("read-only: the roster's editing keys are refused and change nothing",
     test_roster_read_only_refuses_changes, {"government": "wuqia", "args": ["--read-only"]}),
    ("read-only: the roster's editing keys are refused, at 132×43 with TERM=linux",
     test_roster_read_only_refuses_changes,
     {"government": "wuqia", "args": ["--read-only"], "size": (132, 43), "env": {"TERM": "linux"}}),
    # the office's own settings (office helper)
    ("the meeting view shows the office's own minutes target only when it is set, never as an "
     "article", test_office_minutes_target_in_the_meeting_view, {"size": (100, 50)}),
    # trips (trips)
    ("a trip recorded in the agenda shows, raises its finding and marks the attendee; cancelled "
     "it goes (80×24)", test_trip_recorded_then_cancelled, {}),
    ("a trip recorded in the agenda shows, raises its finding and marks the attendee; cancelled "
     "it goes (132×43)", test_trip_recorded_then_cancelled, {"size": (132, 43)}),
    ("a trip edited from its line: shortened, its finding goes", test_trip_edited_from_its_line,
     {}),
    # Chinese only (ui-chinese)
    ("the meeting view and the queues name findings in Chinese, no code on screen",
     test_findings_by_chinese_labels, {}),
    ("the same at 132×43 under TERM=linux", test_findings_by_chinese_labels,
     {"size": (132, 43), "env": {"TERM": "linux"}}),
    ("the topic form takes its matters in Chinese (资金), the keys stay in --json",
     test_topic_form_takes_chinese_matters, {}),
    ("a refusal in the UI names the form's field, never a command-line flag",
     test_refusal_names_the_form_field_not_a_flag, {}),
    # the whole path with no command line (lead)
    ("from an empty database to signed minutes in the UI alone, no command-line step",
     test_empty_database_to_signed_minutes, {}),
    ("the same at 132×43 under TERM=linux", test_empty_database_to_signed_minutes_linux,
     {"size": (132, 43)}),
    ("attendance shows each person's post with its department (吴敏  水利局局长)",
     test_attendance_shows_each_post_with_its_department, {"government": "wuqia"}),
]


def run_case(case):
    """Runs one case; returns (passed, the traceback's lines)."""
    name, function, options = case
    workdir = tempfile.mkdtemp(prefix="huiwu-ui-")
    screen = None
    try:
        screen = Screen(workdir, **options)
        function(screen)
        return True, []
    except Exception:  # report every failure, go on with the next case
        return False, traceback.format_exc().split("\n")
    finally:
        if screen:
            screen.close()
        shutil.rmtree(workdir, ignore_errors=True)


def main():
    if shutil.which("tmux") is None:
        print("1..0 # SKIP tmux is not installed")
        return 0
    only = sys.argv[1:]
    cases = [case for case in CASES if not only or case[1].__name__ in only]
    print("1..%d" % len(cases))
    sys.stdout.flush()
    failed = 0
    try:
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, JOBS)) as pool:
            # map() yields in the cases' order, so the TAP numbers stay in order.
            for number, (case, (passed, lines)) in enumerate(
                    zip(cases, pool.map(run_case, cases)), 1):
                if passed:
                    print("ok %d - %s" % (number, case[0]))
                else:
                    failed += 1
                    print("not ok %d - %s" % (number, case[0]))
                    for line in lines:
                        print("# " + line)
                sys.stdout.flush()
    finally:
        for path in TEMPLATES.values():
            shutil.rmtree(os.path.dirname(path), ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
