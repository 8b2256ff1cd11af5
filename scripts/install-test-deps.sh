#!/usr/bin/env bash
# System packages the test suite drives from Debian: headless Chromium (browser tests and the PDF
# layout fuzzing), poppler (pdftoppm/pdftotext), img2pdf (scanned-page fixtures made in test set-up)
# xmllint (IATI XSD validation) and the fonts the layout fuzzing prints in. Idempotent: apt runs only for what is missing.
set -uo pipefail

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
command -v img2pdf >/dev/null 2>&1 || need+=(img2pdf)
command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)
fc-list 2>/dev/null | grep -q DejaVu || need+=(fonts-dejavu-core)
# The layout fuzzing prints in Liberation Serif/Sans too (tests/pdf/support/layout-variants.ts):
# without them Chromium falls back to another face and a seed no longer replays the same layout.
fc-list 2>/dev/null | grep -q 'Liberation Serif' || need+=(fonts-liberation2)

if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "installing ${need[*]}" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null \
      || echo "could not install ${need[*]}; the tests that need them will fail" >&2
  else
    echo "missing ${need[*]}: run as root: apt-get install -y ${need[*]}" >&2
  fi
fi
exit 0
