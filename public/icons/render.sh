#!/usr/bin/env bash
# Draws the app's PNG icons from icon.svg and maskable.svg with headless Chromium. Run it after
# changing either drawing; the PNGs are committed so the build needs no browser.
set -euo pipefail
cd "$(dirname "$0")"
page=$(mktemp --suffix=.html)
trap 'rm -f "$page"' EXIT
render() { # drawing size output
  printf '<!doctype html><style>html,body{margin:0;background:transparent}img{display:block;width:%spx;height:%spx}</style><img src="file://%s">' \
    "$2" "$2" "$PWD/$1" > "$page"
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --no-first-run --hide-scrollbars --default-background-color=00000000 \
    --window-size="$2,$2" --screenshot="$PWD/$3" "file://$page" 2>/dev/null
}
render icon.svg 192 icon-192.png
render icon.svg 512 icon-512.png
render maskable.svg 192 maskable-192.png
render maskable.svg 512 maskable-512.png
# iOS ignores transparency and rounds the corners itself: the full-bleed drawing fits it.
render maskable.svg 180 apple-touch-icon.png
