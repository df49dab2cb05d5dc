#!/usr/bin/env bash
# Foreign BitTorrent peer and media tools for syncer-torrent's loopback tests:
# python3-libtorrent (a libtorrent seeder run with /usr/bin/python3) and ffmpeg (test video, ffprobe).
# Idempotent: installs only what is missing. Run as root.
set -euo pipefail
missing=()
/usr/bin/python3 -c 'import libtorrent' 2>/dev/null || missing+=(python3-libtorrent)
command -v ffmpeg >/dev/null 2>&1 && command -v ffprobe >/dev/null 2>&1 || missing+=(ffmpeg)
if [ ${#missing[@]} -eq 0 ]; then
  echo "torrent test peers: python3-libtorrent and ffmpeg already present"
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends "${missing[@]}"
/usr/bin/python3 -c 'import libtorrent; print("libtorrent", libtorrent.__version__)'
ffprobe -version | head -n 1
