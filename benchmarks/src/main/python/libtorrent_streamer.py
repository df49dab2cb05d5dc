#!/usr/bin/env python3
"""libtorrent streaming the same file, for StreamingBenchmark: time to the first piece, to the
first 2 MB, and seek latency to 25/50/75 % using set_piece_deadline (libtorrent's streaming
API). Prints one JSON line. Run with /usr/bin/python3 (Debian's python3-libtorrent)."""
import argparse
import json
import tempfile
import time

import libtorrent as lt


def wait_for(handle, pieces, timeout=120):
    deadline = time.time() + timeout
    while not all(handle.have_piece(p) for p in pieces):
        if time.time() > deadline:
            raise SystemExit("timed out waiting for pieces %s" % pieces)
        time.sleep(0.002)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--torrent", required=True)
    parser.add_argument("--peer-port", type=int, required=True)
    args = parser.parse_args()

    session = lt.session({
        "listen_interfaces": "127.0.0.1:0", "enable_dht": False, "enable_lsd": False,
        "enable_upnp": False, "enable_natpmp": False,
    })
    info = lt.torrent_info(args.torrent)
    handle = session.add_torrent({"ti": info, "save_path": tempfile.mkdtemp()})
    pieces, length = info.num_pieces(), info.piece_length()
    head = list(range(min(pieces, -(-2 * 1000 * 1000 // length))))
    started = time.time()
    handle.connect_peer(("127.0.0.1", args.peer_port))
    for rank, piece in enumerate(head):
        handle.set_piece_deadline(piece, 100 * rank)
    wait_for(handle, head[:1])
    first_byte = time.time() - started
    wait_for(handle, head)
    first_2mb = time.time() - started
    seeks = {}
    for percent in (25, 50, 75):
        piece = pieces * percent // 100
        asked = time.time()
        handle.set_piece_deadline(piece, 0)
        wait_for(handle, [piece])
        seeks[percent] = time.time() - asked
    print(json.dumps({"first_byte": first_byte, "first_2mb": first_2mb, "seeks": seeks}), flush=True)


if __name__ == "__main__":
    main()
