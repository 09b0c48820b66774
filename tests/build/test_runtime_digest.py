"""The runtime's digest is kept in the cache under its files' paths, sizes and modification
times, so a build reads the 13.5 MB again only when one of them changes."""

import os

from plugins.runtime.fingerprint import digest, remembered_digest


def test_a_kept_digest_serves_until_a_file_changes(tmp_path):
    files = [tmp_path / "pyodide.asm.wasm", tmp_path / "pyodide.mjs"]
    for path in files:
        path.write_bytes(b"x" * 1000)
    cache = tmp_path / "cache"
    first = remembered_digest(files, tmp_path, cache)
    assert first == digest(files, tmp_path)
    (kept,) = cache.iterdir()  # one file, written whole (no partial file left)
    kept.write_text("kept")
    assert remembered_digest(files, tmp_path, cache) == "kept"  # the files were not read

    stat = files[0].stat()
    files[0].write_bytes(b"y" * 1000)  # the same size, a later modification time
    os.utime(files[0], ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))
    assert remembered_digest(files, tmp_path, cache) == digest(files, tmp_path) != first
