#!/usr/bin/env python3
"""A libtorrent seeder on 127.0.0.1 for syncer-torrent's tests.

Seeds one .torrent from a data directory, listening on a port the OS picks, and prints
"PORT <n>" on one line once it listens. Runs until stdin closes or SIGTERM arrives. A line
"STATS" on stdin answers "UPLOADED <n>": piece data uploaded so far (total_payload_upload).
Options: --upload-limit BYTES_PER_SECOND caps the upload (loopback peers are rate-limited too:
libtorrent exempts local peers unless the peer class filter is reset, which we do); --no-pex
turns peer exchange off, so that leechers do not learn of each other through this seeder.
Run with /usr/bin/python3 (Debian's python3-libtorrent).
"""
import argparse
import signal
import sys
import threading
import time

import libtorrent as lt


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--torrent", required=True)
    parser.add_argument("--data", required=True, help="directory holding the torrent's files")
    parser.add_argument("--upload-limit", type=int, default=0)
    parser.add_argument("--no-pex", action="store_true")
    args = parser.parse_args()

    settings = {
        "listen_interfaces": "127.0.0.1:0",
        "enable_dht": False,
        "enable_lsd": False,
        "enable_upnp": False,
        "enable_natpmp": False,
        "allow_multiple_connections_per_ip": True,
        "upload_rate_limit": args.upload_limit,
        "alert_mask": lt.alert.category_t.error_notification | lt.alert.category_t.status_notification,
    }
    session = lt.session(settings)
    if args.upload_limit > 0:
        # By default libtorrent puts loopback and LAN peers in the unlimited "local" peer class.
        # Each filter flag bit is a peer class id; put every address in the global class (id 0),
        # the one upload_rate_limit applies to.
        everyone_global = lt.ip_filter()
        everyone_global.add_rule("0.0.0.0", "255.255.255.255", 1 << lt.session.global_peer_class_id)
        session.set_peer_class_filter(everyone_global)
    info = lt.torrent_info(args.torrent)
    flags = lt.torrent_flags.seed_mode
    if args.no_pex:
        flags |= lt.torrent_flags.disable_pex
    handle = session.add_torrent({"ti": info, "save_path": args.data, "flags": flags})

    deadline = time.time() + 10
    while session.listen_port() == 0 and time.time() < deadline:
        time.sleep(0.05)
    if session.listen_port() == 0:
        print("ERROR no listen port", flush=True)
        sys.exit(1)
    print("PORT %d" % session.listen_port(), flush=True)

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())

    def serve_commands():
        for line in sys.stdin:
            if line.strip() == "STATS":
                print("UPLOADED %d" % handle.status().total_payload_upload, flush=True)
        stop.set()

    threading.Thread(target=serve_commands, daemon=True).start()
    while not stop.wait(0.2):
        for alert in session.pop_alerts():
            if alert.category() & lt.alert.category_t.error_notification:
                print("ALERT %s" % alert.message(), file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
