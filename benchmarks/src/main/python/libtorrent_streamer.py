#!/usr/bin/env python3
"""libtorrent streaming the same file, for StreamingBenchmark, with set_piece_deadline
(libtorrent's streaming API). Two modes, one JSON line each:
  --seeks: time to the first piece, to the first 2 MB, and seek latency to 25/50/75 %;
  --playback-seconds S --bytes-per-second B: plays the first S seconds at B bytes/s in 100 ms
    slices, giving every piece of the next 30 s a deadline at the moment it will be played (as a
    streaming player on libtorrent does), and counts stalls: slices not downloaded when due.
Run with /usr/bin/python3 (Debian's python3-libtorrent)."""
import argparse
import json
import tempfile
import time

import libtorrent as lt

READ_AHEAD_SECONDS = 30
SLICES_PER_SECOND = 10


def wait_for(handle, pieces, timeout=120):
    deadline = time.time() + timeout
    while not all(handle.have_piece(p) for p in pieces):
        if time.time() > deadline:
            raise SystemExit("timed out waiting for pieces %s" % pieces)
        time.sleep(0.002)


def seeks(handle, info, started):
    pieces, length = info.num_pieces(), info.piece_length()
    head = list(range(min(pieces, -(-2 * 1000 * 1000 // length))))
    for rank, piece in enumerate(head):
        handle.set_piece_deadline(piece, 100 * rank)
    wait_for(handle, head[:1])
    first_byte = time.time() - started
    wait_for(handle, head)
    first_2mb = time.time() - started
    latencies = {}
    for percent in (25, 50, 75):
        piece = pieces * percent // 100
        asked = time.time()
        handle.set_piece_deadline(piece, 0)
        wait_for(handle, [piece])
        latencies[percent] = time.time() - asked
    return {"first_byte": first_byte, "first_2mb": first_2mb, "seeks": latencies}


def playback(handle, info, seconds, bytes_per_second):
    length, piece_length = info.total_size(), info.piece_length()
    end = min(length, int(seconds * bytes_per_second))
    slice_bytes = max(1, bytes_per_second // SLICES_PER_SECOND)
    deadlined = 0

    def give_deadlines(position):
        nonlocal deadlined
        last = min(info.num_pieces() - 1,
                   (position + READ_AHEAD_SECONDS * bytes_per_second) // piece_length)
        while deadlined <= last:
            due_ms = max(0, (deadlined * piece_length - position) * 1000 // bytes_per_second)
            handle.set_piece_deadline(deadlined, int(due_ms))
            deadlined += 1

    give_deadlines(0)
    wait_for(handle, [0])
    stalls, stalled = 0, 0.0
    due = time.time()
    for position in range(0, end, slice_bytes):
        needed = range(position // piece_length, (min(end, position + slice_bytes) - 1) // piece_length + 1)
        give_deadlines(position)
        wait = due - time.time()
        if wait > 0:
            time.sleep(wait)
        if not all(handle.have_piece(p) for p in needed):
            stalls += 1
            stalled_at = time.time()
            wait_for(handle, needed)
            due = time.time()
            stalled += due - stalled_at
        due += 1.0 / SLICES_PER_SECOND
    return {"stalls": stalls, "stalled_seconds": stalled}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--torrent", required=True)
    parser.add_argument("--peer-port", type=int, required=True)
    parser.add_argument("--seeks", action="store_true")
    parser.add_argument("--playback-seconds", type=float)
    parser.add_argument("--bytes-per-second", type=int)
    args = parser.parse_args()
    if args.seeks == (args.playback_seconds is not None):
        parser.error("choose --seeks or --playback-seconds")
    if args.playback_seconds is not None and not args.bytes_per_second:
        parser.error("--playback-seconds needs --bytes-per-second")

    with tempfile.TemporaryDirectory() as downloads:
        session = lt.session({
            "listen_interfaces": "127.0.0.1:0", "enable_dht": False, "enable_lsd": False,
            "enable_upnp": False, "enable_natpmp": False,
        })
        info = lt.torrent_info(args.torrent)
        handle = session.add_torrent({"ti": info, "save_path": downloads})
        started = time.time()
        handle.connect_peer(("127.0.0.1", args.peer_port))
        if args.seeks:
            result = seeks(handle, info, started)
        else:
            result = playback(handle, info, args.playback_seconds, args.bytes_per_second)
        session.remove_torrent(handle)
        del session
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
