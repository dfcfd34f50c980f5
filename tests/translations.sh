#!/usr/bin/env bash
# Every message a user can see has a zh_CN translation that is not fuzzy (TAP output).
set -u
source_root=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "1..2"
cd "$source_root"
xgettext --keyword=_ --keyword=N_ --from-code=UTF-8 -o "$work/huiwu.pot" -f po/POTFILES 2>"$work/err"
msgmerge -q --no-fuzzy-matching -o "$work/merged.po" po/zh_CN.po "$work/huiwu.pot" 2>>"$work/err"
stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$work/merged.po" 2>&1)
if [[ "$stats" =~ ^[0-9]+\ translated\ messages\.$ ]]; then
  echo "ok 1 - every message has a zh_CN translation"
else
  echo "not ok 1 - every message has a zh_CN translation"
  echo "# $stats"
  msgattrib --untranslated --only-fuzzy "$work/merged.po" 2>/dev/null | sed 's/^/# /' | head -40
  msgattrib --untranslated "$work/merged.po" 2>/dev/null | grep '^msgid' | sed 's/^/# /' | head -40
fi
# Every source file with user-visible text is in POTFILES.
missing=$(grep -l '_("' src/*/*.c ui/*.c 2>/dev/null | sort | comm -23 - <(sort po/POTFILES))
if [ -z "$missing" ]; then
  echo "ok 2 - po/POTFILES lists every file with messages"
else
  echo "not ok 2 - po/POTFILES lists every file with messages"
  echo "# missing: $missing"
fi
