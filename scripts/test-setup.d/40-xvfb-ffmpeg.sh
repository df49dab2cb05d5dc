#!/usr/bin/env bash
# Installs what the player's media tests need: the ffmpeg CLI (generates the test videos) and
# Xvfb (a virtual X display for the Swing window test). The Java side decodes with the FFmpeg
# that JavaCV bundles in Maven jars; the CLI is only a test-video factory. mpv is the optional
# second engine, installed so that its contract test runs in CI too.
# Idempotent: installs only what is missing. Runs as root; waits for another apt run to finish.
set -euo pipefail
missing=()
command -v ffmpeg >/dev/null 2>&1 || missing+=(ffmpeg)
command -v Xvfb >/dev/null 2>&1 || missing+=(xvfb)
command -v mpv >/dev/null 2>&1 || missing+=(mpv)
if [ "${#missing[@]}" -eq 0 ]; then
  echo "ffmpeg, Xvfb and mpv already installed"
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get -o DPkg::Lock::Timeout=600 update
apt-get -o DPkg::Lock::Timeout=600 install -y --no-install-recommends "${missing[@]}"
