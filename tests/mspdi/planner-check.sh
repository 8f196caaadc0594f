#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks the MS Project XML export against a real consumer: GNOME
# Planner's importer (msp2planner.xsl, Debian package "planner") must
# turn the sample's export into a file valid against Planner's DTD, with
# one top-level task per system and every milestone of the plan; and the
# import of that export must give the sample back.
#
# Skipped (exit 77) when Planner or xsltproc is not installed: Planner is
# not one of the project's dependencies.
#
#   IKOU_BIN=_build/app/ikou IKOU_SOURCE_ROOT=. tests/mspdi/planner-check.sh
set -eu

xsl=/usr/share/planner/stylesheets/msp2planner.xsl
dtd=/usr/share/planner/dtd/mrproject-0.6.dtd
root=${IKOU_SOURCE_ROOT:-.}
ikou=${IKOU_BIN:-_build/app/ikou}
sample=$root/data/samples/koriyama.xml

if [ ! -r "$xsl" ] || [ ! -r "$dtd" ] || ! command -v xsltproc >/dev/null ||
   ! command -v xmllint >/dev/null; then
  echo "SKIP: GNOME Planner (msp2planner.xsl) or xsltproc is not installed"
  exit 77
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$ikou" export "$sample" --output "$tmp/sample.mspdi.xml"
xsltproc --nonet "$xsl" "$tmp/sample.mspdi.xml" > "$tmp/sample.planner"
xmllint --noout --nonet --dtdvalid "$dtd" "$tmp/sample.planner"

count () {
  xmllint --xpath "$1" "$2"
}

systems=$(count 'count(/ikou-plan/systems/system)' "$sample")
milestones=$(count 'count(//step/@budget-date) + count(//step/@contract-date) + count(//step/@cutover-date)' "$sample")
top=$(count 'count(/project/tasks/task)' "$tmp/sample.planner")
planner_milestones=$(count 'count(//task[@type="milestone"])' "$tmp/sample.planner")

echo "systems: $systems, top-level Planner tasks: $top"
echo "milestones: $milestones, Planner milestones: $planner_milestones"
[ "$systems" -gt 0 ] && [ "$top" = "$systems" ] && [ "$planner_milestones" = "$milestones" ]

# And back: the same systems and dates.
"$ikou" import "$tmp/sample.mspdi.xml" --output "$tmp/back.ikou"
"$ikou" export "$tmp/back.ikou" --output "$tmp/back.xml"
cmp "$sample" "$tmp/back.xml"
echo "OK: valid against Planner's DTD; the import gives the sample back"
