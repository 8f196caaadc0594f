#!/bin/sh
# The Japanese catalogue is complete: every translatable string of the
# sources listed in po/POTFILES.in has a Japanese translation that is
# neither missing nor fuzzy, and POTFILES.in lists every source file that
# has translatable strings.
set -eu
top="$1"
cd "$top"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

status=0

# Every C or .ui file with translatable strings is listed.
for f in $(grep -rlE '(^|[^A-Za-z0-9_])(_|N_|C_|NC_)\(|translatable="yes"' app ui data 2>/dev/null \
           | grep -E '\.(c|ui)$' | sort) $(ls data/*.desktop.in data/*.metainfo.xml.in); do
  if ! grep -qx "$f" po/POTFILES.in; then
    echo "po/POTFILES.in does not list $f"
    status=1
  fi
done

xgettext --from-code=UTF-8 --add-comments=Translators -k_ -kN_ -kC_:1c,2 -kNC_:1c,2 \
  -kg_dngettext:2,3 --files-from=po/POTFILES.in --directory="$top" -o "$tmp/ikou.pot" 2>"$tmp/xgettext.log" \
  || { cat "$tmp/xgettext.log"; exit 1; }
msgmerge --quiet --no-fuzzy-matching -o "$tmp/ja.po" po/ja.po "$tmp/ikou.pot"
msgattrib --untranslated --no-obsolete "$tmp/ja.po" -o "$tmp/untranslated.po"
msgattrib --only-fuzzy --no-obsolete "$tmp/ja.po" -o "$tmp/fuzzy.po"
for kind in untranslated fuzzy; do
  if [ -s "$tmp/$kind.po" ] && grep -q '^msgid ".' "$tmp/$kind.po"; then
    echo "po/ja.po: $kind strings:"
    grep -A1 '^msgid ' "$tmp/$kind.po" | grep -v '^msgid ""$' | head -40
    status=1
  fi
done
msgfmt --check -o /dev/null po/ja.po || status=1
exit $status
