#!/usr/bin/env bash
# Installs what reportmill needs to read scanned PDFs (docs/ocr.md): Tesseract with the Kyrgyz,
# Mongolian, Kazakh, Russian and English models, poppler-utils (pdftoppm renders the pages), and
# for the OCR tests img2pdf (its python3-pil draws the test scans). Debian/Ubuntu, apt only;
# idempotent: nothing is installed or updated when everything is already there.
set -euo pipefail

packages=(tesseract-ocr tesseract-ocr-kir tesseract-ocr-mon tesseract-ocr-kaz tesseract-ocr-rus tesseract-ocr-eng poppler-utils img2pdf python3-pil)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -eq 0 ]; then
  echo "install-ocr: all present ($(tesseract --version 2>&1 | head -1); models: $(tesseract --list-langs 2>/dev/null | tail -n +2 | tr '\n' ' '))"
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "install-ocr: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
tesseract --version 2>&1 | head -1
