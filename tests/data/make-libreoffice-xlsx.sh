#!/bin/sh
# Makes the workbooks LibreOffice Calc writes, for tests/core/test-xlsx.c:
#   koriyama-libreoffice.xlsx          the sample's CSV opened and saved as .xlsx
#   koriyama-libreoffice-resaved.xlsx  Ikou's own workbook opened and saved again
# Run it after the sample or the table's columns change:
#   tests/data/make-libreoffice-xlsx.sh _build
set -eu
builddir=$(realpath "${1:-_build}")
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

export IKOU_SCHEDULE_DIR="$top/data/schedule"
"$builddir/app/ikou" export "$top/data/samples/koriyama.ikou" --output "$work/koriyama.csv"
"$builddir/app/ikou" export "$top/data/samples/koriyama.ikou" --output "$work/ikou.xlsx"
mkdir "$work/out" "$work/profile"
# The CSV filter: comma, double quote, UTF-8 (76), first line 1, cells as text.
soffice -env:UserInstallation="file://$work/profile" --headless \
  --infilter="CSV:44,34,76,1,,,true" --convert-to xlsx:"Calc MS Excel 2007 XML" \
  --outdir "$work/out" "$work/koriyama.csv" >/dev/null
cp "$work/out/koriyama.xlsx" "$here/koriyama-libreoffice.xlsx"
soffice -env:UserInstallation="file://$work/profile" --headless \
  --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir "$work/out" "$work/ikou.xlsx" >/dev/null
cp "$work/out/ikou.xlsx" "$here/koriyama-libreoffice-resaved.xlsx"
echo "Wrote $here/koriyama-libreoffice.xlsx and koriyama-libreoffice-resaved.xlsx"
