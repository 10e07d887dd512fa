#!/usr/bin/env bash
# Render the HTML report of a seed (default: seed 001) and take a headless
# screenshot of it with Chromium, saved to target/report.png.
#
#   scripts/render-html.sh [SEED_OR_FILE...]
#
# Installs Chromium and Arabic-capable fonts with apt-get when they are
# missing (needs root); installs nothing otherwise.
set -euo pipefail

cd "$(dirname "$0")/.."
out_png=target/report.png
out_html=target/report.html
mkdir -p target

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
# An Arabic font: Noto Naskh Arabic (fonts-noto-core) or DejaVu Sans.
if ! fc-list 2>/dev/null | grep -qi -e "Noto Naskh Arabic" -e "Amiri"; then
    need+=(fonts-noto-core)
fi
fc-list 2>/dev/null | grep -qi "DejaVu Sans" || need+=(fonts-dejavu-core)
if [ ${#need[@]} -gt 0 ]; then
    echo "installing: ${need[*]}" >&2
    if [ ! -d /var/lib/apt/lists ] || [ -z "$(ls -A /var/lib/apt/lists 2>/dev/null | grep -v lock)" ]; then
        apt-get update
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y "${need[@]}" \
        || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y "${need[@]}"; }
fi

if [ $# -eq 0 ]; then
    set -- seeds/001_*.txt
fi

cargo run --quiet --release --example coverage -- --format html --output "$out_html" "$@"

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
/usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --hide-scrollbars \
    --screenshot="$PWD/$out_png" --window-size=1400,1800 \
    "file://$PWD/$out_html" 2> >(grep -v -e "dbus" -e "Fontconfig" -e "unexpected operator" >&2 || true)

echo "HTML: $out_html" >&2
echo "screenshot: $out_png" >&2
