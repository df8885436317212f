#!/usr/bin/env python3
"""Regenerates the seed corpora in fuzz/corpus/ from the repository's own fixtures.

fuzz_text: the input field of every tests/text/linebreak_cases.tsv case.
fuzz_plan: tests/fixtures/plans/**/*.yaml and data/*.yaml.
fuzz_font: small TrueType files built here (cmap format 4 and 12, a collection, odd
           name records), since the real fonts are megabytes each.
Files are named by the SHA-1 of their content, as libFuzzer names corpus files.
Usage: python3 fuzz/scripts/make_seeds.py   (from anywhere)
"""
import hashlib
import pathlib
import struct

FUZZ = pathlib.Path(__file__).resolve().parent.parent
REPO = FUZZ.parent


def put(target, data):
    out = FUZZ / "corpus" / target
    out.mkdir(parents=True, exist_ok=True)
    (out / hashlib.sha1(data).hexdigest()).write_bytes(data)


def unescape(field):
    out, i = [], 0
    while i < len(field):
        c = field[i]
        if c == "\\" and i + 1 < len(field):
            n = field[i + 1]
            if n == "u":
                out.append(chr(int(field[i + 2:i + 6], 16)))
                i += 6
                continue
            out.append({"n": "\n", "r": "\r", "t": "\t", "\\": "\\"}.get(n, n))
            i += 2
            continue
        out.append(c)
        i += 1
    return "".join(out)


def text_seeds():
    for line in (REPO / "tests/text/linebreak_cases.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) >= 5:
            put("fuzz_text", unescape(fields[4]).encode("utf-8"))
    # A few things the cases lack: invalid bytes, non-BMP, marks after spaces, controls.
    for s in [b"\xff\xfe\xc0\xaf\xed\xa0\x80abc", "𠮟る\u3099 \u0301\u200b\u2060\ufeff".encode(),
              "か\u3099\r\nは\u309a\u2028\u2f00\u2e9f\t・➤〓\u2011\u2002".encode()]:
        put("fuzz_text", s)


def plan_seeds():
    files = sorted((REPO / "tests/fixtures/plans").rglob("*.yaml")) + sorted((REPO / "data").glob("*.yaml"))
    for f in files:
        put("fuzz_plan", f.read_bytes())


def ttf(tables, base=0):
    """Assembles an sfnt from {tag: bytes} (checksums left 0: the reader ignores them);
    `base`: where the font will start in the file (collections)."""
    tags = sorted(tables)
    offset = base + 12 + 16 * len(tags)
    head = struct.pack(">IHHHH", 0x00010000, len(tags), 0, 0, 0)
    directory, body = b"", b""
    for tag in tags:
        data = tables[tag]
        directory += struct.pack(">4sIII", tag.encode(), 0, offset + len(body), len(data))
        body += data + b"\0" * (-len(data) % 4)
    return head + directory + body


def cmap4(segments):
    """segments: (start, end, delta) ranges, idRangeOffset 0, plus the final 0xFFFF one."""
    segments = list(segments) + [(0xFFFF, 0xFFFF, 1)]
    n = len(segments)
    body = struct.pack(">HHHH", 2 * n, 0, 0, 0)
    body += b"".join(struct.pack(">H", e) for _, e, _ in segments) + b"\0\0"
    body += b"".join(struct.pack(">H", s) for s, _, _ in segments)
    body += b"".join(struct.pack(">h", d) for _, _, d in segments)
    body += b"\0\0" * n
    return struct.pack(">HHH", 4, 6 + len(body), 0) + body


def cmap12(groups):
    body = b"".join(struct.pack(">III", *g) for g in groups)
    return struct.pack(">HHIII", 12, 0, 16 + len(body), 0, len(groups)) + body


def cmap(subtables):
    """subtables: [(platform, encoding, bytes)]"""
    header = struct.pack(">HH", 0, len(subtables))
    offset = 4 + 8 * len(subtables)
    records, body = b"", b""
    for platform, encoding, data in subtables:
        records += struct.pack(">HHI", platform, encoding, offset + len(body))
        body += data
    return header + records + body


def name(records):
    """records: [(platform, encoding, language, name_id, bytes)]"""
    strings, recs = b"", b""
    for p, e, l, i, s in records:
        recs += struct.pack(">HHHHHH", p, e, l, i, len(s), len(strings))
        strings += s
    return struct.pack(">HHH", 0, len(records), 6 + len(recs)) + recs + strings


def font(upem=1000, glyphs=6, metrics=4, cmaps=None, names=True, base=0):
    head = struct.pack(">IIIIHH", 0x00010000, 0x00010000, 0, 0x5F0F3CF5, 0, upem) + b"\0" * 34
    hhea = struct.pack(">Ihhh", 0x00010000, 880, -120, 0) + b"\0" * 24 + struct.pack(">H", metrics)
    maxp = struct.pack(">IH", 0x00005000, glyphs)
    hmtx = b"".join(struct.pack(">Hh", 500 + 100 * g, 0) for g in range(metrics))
    hmtx += b"\0\0" * (glyphs - metrics)
    if cmaps is None:
        cmaps = [(3, 1, cmap4([(0x20, 0x22, 1 - 0x20), (0x3042, 0x3042, 4 - 0x3042)])),
                 (3, 10, cmap12([(0x20, 0x22, 1), (0x20BB7, 0x20BB7, 5)]))]
    tables = {"head": head, "hhea": hhea, "maxp": maxp, "hmtx": hmtx, "cmap": cmap(cmaps)}
    if names:
        tables["name"] = name([(3, 1, 0x409, 1, "Fuzz Sans".encode("utf-16-be")),
                               (3, 1, 0x409, 6, "FuzzSans-Regular".encode("utf-16-be")),
                               (1, 0, 0, 16, b"Fuzz"), (0, 3, 0, 1, "\U0001F600".encode("utf-16-be"))])
    return ttf(tables, base)


def font_seeds():
    put("fuzz_font", font())
    put("fuzz_font", font(upem=2048, glyphs=8, metrics=8, names=False))
    put("fuzz_font", font(cmaps=[(0, 4, cmap12([(0x41, 0x5A, 1), (0x1F600, 0x1F601, 2)]))]))
    put("fuzz_font", font(cmaps=[(0, 3, cmap4([(0x30, 0x39, 1 - 0x30)])), (1, 0, cmap4([]))]))
    one = font()
    put("fuzz_font", b"ttcf" + struct.pack(">III", 0x00010000, 1, 16) + font(base=16))  # collection
    put("fuzz_font", one[:200])  # truncated
    put("fuzz_font", b"OTTO" + one[4:])  # CFF flavour: refused


if __name__ == "__main__":
    text_seeds()
    plan_seeds()
    font_seeds()
    for t in ("fuzz_text", "fuzz_plan", "fuzz_font"):
        print(t, len(list((FUZZ / "corpus" / t).iterdir())))
